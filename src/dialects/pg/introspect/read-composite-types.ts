import type { CompositeTypeModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { unquoteIdentifier } from '../grammar/catalog-text.js'
import { collationName } from './catalog-names.js'
import { bySchemaAndName } from './order.js'
import { notExtensionMember, type ReadRows, type Scope } from './scope.js'

interface CompositeRow {
  schema: string
  name: string
  attributes: [string, string, string | null][]
  comment: string | null
}

/** Standalone composite types (CREATE TYPE ... AS (...)), attributes in order; a table's row type is the table. */
export async function readCompositeTypes(rows: ReadRows, scope: Scope): Promise<CompositeTypeModel[]> {
  const found = await rows<CompositeRow>(sql`
    select n.nspname::text as schema, t.typname::text as name,
      coalesce((select json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod),
          case when a.attcollation <> at.typcollation then ${collationName('a.attcollation')} end) order by a.attnum)
        from pg_attribute a join pg_type at on at.oid = a.atttypid
        where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '[]') as attributes,
      obj_description(t.oid, 'pg_type') as comment
    from pg_type t
    join pg_class c on c.oid = t.typrelid
    join pg_namespace n on n.oid = t.typnamespace
    where t.typtype = 'c' and c.relkind = 'c' and ${scope.userSchema('n')}
      and ${notExtensionMember('pg_type', 't.oid')}`)
  return found
    .map((t) => ({
      schema: t.schema,
      name: t.name,
      attributes: t.attributes.map(([name, type, collation]) => ({
        name,
        type,
        collation: collation === null ? null : unquoteIdentifier(collation),
      })),
      comment: t.comment,
    }))
    .sort(bySchemaAndName)
}
