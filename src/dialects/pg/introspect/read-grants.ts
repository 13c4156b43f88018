import { compareGrants, grantableObjects, grantObjectKey } from '../../../model/grants.js'
import type { GrantModel, GrantObjectKind, SchemaModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { identityArguments } from './defined-objects/read-routines.js'
import type { ReadRows, Scope } from './scope.js'

interface GrantRow {
  on: GrantObjectKind
  schema: string
  name: string
  column: string | null
  grantee: string
  privilege: string
  grantable: boolean
}

/**
 * The privileges held on schemas, relations, their columns and routines by roles other than the
 * object's owner. An object never granted on has no ACL (null): acldefault() gives PostgreSQL's
 * defaults for it instead, which is how EXECUTE for PUBLIC on a routine is seen. Grantee 0 is PUBLIC.
 * Only grants on objects of `model` are kept (not on identity sequences, nor on excluded tables).
 */
export async function readGrants(
  rows: ReadRows,
  scope: Scope,
  model: Omit<SchemaModel, 'grants'>,
): Promise<GrantModel[]> {
  const grantee = sql.raw(
    `case when a.grantee = 0 then 'public' else (select r.rolname::text from pg_roles r where r.oid = a.grantee) end`,
  )
  const found = await rows<GrantRow>(sql`
    select 'schema' as on, n.nspname::text as schema, n.nspname::text as name, null::text as column,
      ${grantee} as grantee, a.privilege_type::text as privilege, a.is_grantable as grantable
    from pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
    where ${scope.userSchema('n')} and a.grantee <> n.nspowner
    union all
    select case when c.relkind = 'S' then 'sequence' else 'table' end, n.nspname::text, c.relname::text,
      null, ${grantee}, a.privilege_type::text, a.is_grantable
    from pg_class c join pg_namespace n on n.oid = c.relnamespace,
      aclexplode(coalesce(c.relacl, acldefault(case when c.relkind = 'S' then 's' else 'r' end::"char", c.relowner))) a
    where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and ${scope.userSchema('n')} and a.grantee <> c.relowner
    union all
    select 'table', n.nspname::text, c.relname::text, t.attname::text, ${grantee}, a.privilege_type::text,
      a.is_grantable
    from pg_attribute t join pg_class c on c.oid = t.attrelid join pg_namespace n on n.oid = c.relnamespace,
      aclexplode(t.attacl) a
    where t.attacl is not null and t.attnum > 0 and not t.attisdropped and ${scope.userSchema('n')}
      and a.grantee <> c.relowner
    union all
    select case when p.prokind = 'p' then 'procedure' else 'function' end, n.nspname::text,
      p.proname::text || '(' || ${identityArguments('p')} || ')', null, ${grantee}, a.privilege_type::text,
      a.is_grantable
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
      aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
    where p.prokind in ('f', 'w', 'p') and ${scope.userSchema('n')} and a.grantee <> p.proowner`)
  const objects = grantableObjects(model)
  const unique = new Map<string, GrantModel>()
  for (const row of found) {
    if (!objects.has(grantObjectKey(row))) continue
    // Granted by two grantors, or once WITH GRANT OPTION: one entry, with the option if any has it.
    const key = JSON.stringify([row.on, row.schema, row.name, row.column, row.grantee, row.privilege])
    const known = unique.get(key)
    if (known === undefined || (!known.grantable && row.grantable))
      unique.set(key, {
        on: row.on,
        schema: row.schema,
        name: row.name,
        column: row.column,
        grantee: row.grantee,
        privilege: row.privilege,
        grantable: row.grantable,
      })
  }
  return [...unique.values()].sort(compareGrants)
}
