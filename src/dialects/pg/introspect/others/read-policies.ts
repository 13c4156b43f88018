import type { OtherObjectModel } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { qualifiedName, quoteIdentIfNeeded } from '../../quote.js'
import { compareText } from '../order.js'
import { notExtensionMember, type ReadRows, type Scope } from '../scope.js'
import { otherObject } from './other-object.js'

interface PolicyRow {
  schema: string
  table: string
  name: string
  command: string
  permissive: boolean
  roles: string[]
  using: string | null
  check: string | null
}

const COMMANDS: Record<string, string> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' }

/** Row-level security policies, as the CREATE POLICY statement that makes them. */
export async function readPolicies(rows: ReadRows, scope: Scope): Promise<OtherObjectModel[]> {
  const found = await rows<PolicyRow>(sql`
    select n.nspname::text as schema, c.relname::text as table, p.polname::text as name,
      p.polcmd::text as command, p.polpermissive as permissive,
      array(select case when r.oid = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(r.oid)) end
        from unnest(p.polroles) r(oid)) as roles,
      pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as check
    from pg_policy p
    join pg_class c on c.oid = p.polrelid
    join pg_namespace n on n.oid = c.relnamespace
    where ${scope.userSchema('n')} and ${notExtensionMember('pg_class', 'c.oid')}`)
  return found
    .filter((p) => !scope.isExcluded(p.schema, p.table))
    .map((p) => otherObject('policy', p.schema, p.name, p.table, createPolicy(p)))
}

function createPolicy(p: PolicyRow): string {
  const parts = [
    `CREATE POLICY ${quoteIdentIfNeeded(p.name)} ON ${qualifiedName(p.schema, p.table)}`,
    `AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'}`,
    `FOR ${COMMANDS[p.command]}`,
    `TO ${[...p.roles].sort(compareText).join(', ')}`,
  ]
  if (p.using !== null) parts.push(`USING (${p.using})`)
  if (p.check !== null) parts.push(`WITH CHECK (${p.check})`)
  return parts.join(' ')
}
