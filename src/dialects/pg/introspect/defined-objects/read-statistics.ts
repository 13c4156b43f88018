import type { DefinedObjectModel } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { notExtensionMember, type ReadRows, type Scope } from '../scope.js'
import { definedObject } from './defined-object.js'

interface StatisticsRow {
  schema: string
  name: string
  table_schema: string
  table: string
  definition: string
  comment: string | null
}

/**
 * Extended statistics (CREATE STATISTICS), by pg_get_statisticsobjdef. The model files an object
 * under its table only when both share a schema: `table` is read in the object's schema.
 */
export async function readStatistics(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const found = await rows<StatisticsRow>(sql`
    select n.nspname::text as schema, s.stxname::text as name, tn.nspname::text as table_schema,
      c.relname::text as table, pg_get_statisticsobjdef(s.oid) as definition,
      obj_description(s.oid, 'pg_statistic_ext') as comment
    from pg_statistic_ext s
    join pg_namespace n on n.oid = s.stxnamespace
    join pg_class c on c.oid = s.stxrelid
    join pg_namespace tn on tn.oid = c.relnamespace
    where ${scope.userSchema('n')} and ${notExtensionMember('pg_statistic_ext', 's.oid')}`)
  return found
    .filter((s) => !scope.isExcluded(s.table_schema, s.table))
    .map((s) =>
      definedObject(
        'statistics object',
        s.schema,
        s.name,
        s.table_schema === s.schema ? s.table : null,
        s.definition,
        s.comment,
      ),
    )
}
