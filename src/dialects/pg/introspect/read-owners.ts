import { compareOwners, ownedObjectKey, ownedObjectList } from '../../../model/owners.js'
import type { OwnedObjectKind, OwnerModel, SchemaModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { identityArguments } from './defined-objects/read-routines.js'
import type { ReadRows, Scope } from './scope.js'

/**
 * The objects owned by a role that does not apply the migrations (see `migrationRoles`), with
 * that role: the owner holds every privilege on an object and bypasses a table's row-level
 * security unless it is forced, so a change of owner is a change of who may do what. Only the
 * objects of `model` are kept (not a sequence owned by a column, which has its table's owner).
 */
export async function readOwners(
  rows: ReadRows,
  scope: Scope,
  model: Omit<SchemaModel, 'grants' | 'owners'>,
): Promise<OwnerModel[]> {
  const owner = (column: string) => sql.raw(`pg_get_userbyid(${column})::text`)
  const found = await rows<OwnerModel>(sql`
    select 'schema' as on, n.nspname::text as schema, n.nspname::text as name, ${owner('n.nspowner')} as owner
    from pg_namespace n
    where ${scope.userSchema('n')} and ${scope.notMigrationRole('n.nspowner')}
    union all
    select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
        else 'table' end,
      n.nspname::text, c.relname::text, ${owner('c.relowner')}
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'S') and ${scope.userSchema('n')}
      and ${scope.notMigrationRole('c.relowner')}
    union all
    select case when p.prokind = 'p' then 'procedure' else 'function' end, n.nspname::text,
      p.proname::text || '(' || ${identityArguments('p')} || ')', ${owner('p.proowner')}
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where p.prokind in ('f', 'w', 'p') and ${scope.userSchema('n')} and ${scope.notMigrationRole('p.proowner')}
    union all
    select case t.typtype when 'e' then 'enum' when 'd' then 'domain' else 'composite type' end,
      n.nspname::text, t.typname::text, ${owner('t.typowner')}
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where (t.typtype in ('e', 'd')
        or (t.typtype = 'c' and (select r.relkind from pg_class r where r.oid = t.typrelid) = 'c'))
      and ${scope.userSchema('n')} and ${scope.notMigrationRole('t.typowner')}`)
  const objects = new Set(ownedObjectList(model).map(ownedObjectKey))
  return found
    .filter((row) => objects.has(ownedObjectKey(row)))
    .map((row) => ({ on: row.on as OwnedObjectKind, schema: row.schema, name: row.name, owner: row.owner }))
    .sort(compareOwners)
}
