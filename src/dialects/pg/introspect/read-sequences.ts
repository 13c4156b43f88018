import type { SequenceModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { bySchemaAndName } from './order.js'
import { notExtensionMember, type ReadRows, type Scope } from './scope.js'

interface SequenceRow {
  schema: string
  name: string
  type: SequenceModel['type']
  start: string
  increment: string
  min: string
  max: string
  cache: string
  cycle: boolean
  owner_schema: string | null
  owner_table: string | null
  owner_column: string | null
}

/**
 * Standalone and column-owned (serial) sequences. Identity sequences belong to their column's
 * identity, and a sequence owned by an excluded table is left out with it.
 */
export async function readSequences(rows: ReadRows, scope: Scope): Promise<SequenceModel[]> {
  const found = await rows<SequenceRow>(sql`
    select n.nspname::text as schema, c.relname::text as name, format_type(s.seqtypid, null) as type,
      s.seqstart::text as start, s.seqincrement::text as increment, s.seqmin::text as min,
      s.seqmax::text as max, s.seqcache::text as cache, s.seqcycle as cycle,
      own.nspname::text as owner_schema, oc.relname::text as owner_table, oa.attname::text as owner_column
    from pg_sequence s
    join pg_class c on c.oid = s.seqrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = c.oid
      and d.refclassid = 'pg_class'::regclass and d.refobjsubid > 0 and d.deptype in ('a', 'i')
    left join pg_class oc on oc.oid = d.refobjid
    left join pg_namespace own on own.oid = oc.relnamespace
    left join pg_attribute oa on oa.attrelid = d.refobjid and oa.attnum = d.refobjsubid
    where (d.deptype is null or d.deptype = 'a') and ${scope.userSchema('n')}
      and ${notExtensionMember('pg_class', 'c.oid')}`)

  return found
    .filter((row) => row.owner_table === null || !scope.isExcluded(row.owner_schema!, row.owner_table))
    .map((row) => ({
      schema: row.schema,
      name: row.name,
      type: row.type,
      start: row.start,
      increment: row.increment,
      minValue: row.min,
      maxValue: row.max,
      cache: row.cache,
      cycle: row.cycle,
      ownedBy: row.owner_table === null ? null : { table: row.owner_table, column: row.owner_column! },
    }))
    .sort(bySchemaAndName)
}
