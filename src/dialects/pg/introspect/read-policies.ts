import type { PolicyCommand, PolicyModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { byName, compareText } from './order.js'
import { notExtensionMember, type ReadRows, type Scope } from './scope.js'

interface PolicyRow {
  table_oid: number
  name: string
  command: string
  permissive: boolean
  roles: string[]
  using: string | null
  with_check: string | null
  comment: string | null
}

const COMMANDS: Record<string, PolicyCommand> = {
  '*': 'all',
  r: 'select',
  a: 'insert',
  w: 'update',
  d: 'delete',
}

/** Row-level security policies by table oid, sorted by name; role 0 in polroles is PUBLIC. */
export async function readPolicies(rows: ReadRows, scope: Scope): Promise<Map<number, PolicyModel[]>> {
  const found = await rows<PolicyRow>(sql`
    select p.polrelid as table_oid, p.polname::text as name, p.polcmd::text as command,
      p.polpermissive as permissive,
      array(select case when r.oid = 0 then 'public' else (select g.rolname::text from pg_roles g where g.oid = r.oid) end
        from unnest(p.polroles) r(oid)) as roles,
      pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as with_check,
      obj_description(p.oid, 'pg_policy') as comment
    from pg_policy p
    join pg_class c on c.oid = p.polrelid
    join pg_namespace n on n.oid = c.relnamespace
    where ${scope.userSchema('n')} and ${notExtensionMember('pg_class', 'c.oid')}`)
  const byTable = new Map<number, PolicyModel[]>()
  for (const row of found) {
    const list = byTable.get(row.table_oid) ?? []
    list.push({
      name: row.name,
      permissive: row.permissive,
      command: COMMANDS[row.command] ?? 'all',
      roles: [...row.roles].sort(compareText),
      using: row.using,
      withCheck: row.with_check,
      comment: row.comment,
    })
    byTable.set(row.table_oid, list)
  }
  for (const list of byTable.values()) list.sort(byName)
  return byTable
}
