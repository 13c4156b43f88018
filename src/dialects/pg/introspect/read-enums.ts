import type { EnumModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { bySchemaAndName } from './order.js'
import { notExtensionMember, type ReadRows, type Scope } from './scope.js'

/** Enum types with their labels in sort order, and their comments. */
export async function readEnums(rows: ReadRows, scope: Scope): Promise<EnumModel[]> {
  const found = await rows<EnumModel>(sql`
    select n.nspname::text as schema, t.typname::text as name,
      array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder) as values,
      obj_description(t.oid, 'pg_type') as comment
    from pg_type t
    join pg_namespace n on n.oid = t.typnamespace
    where t.typtype = 'e' and ${scope.userSchema('n')} and ${notExtensionMember('pg_type', 't.oid')}`)
  return found
    .map((e) => ({ schema: e.schema, name: e.name, values: e.values, comment: e.comment }))
    .sort(bySchemaAndName)
}
