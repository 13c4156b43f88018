import type { DefinedObjectModel } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { qualifiedName } from '../../grammar/quote.js'
import { collationName, opclassName, routineName } from '../catalog-names.js'
import { notExtensionMember, type ReadRows, type Scope } from '../scope.js'
import { definedObject } from './defined-object.js'

interface RangeRow {
  schema: string
  name: string
  subtype: string
  opclass: string | null
  collation: string | null
  canonical: string | null
  subdiff: string | null
  multirange: string
}

/** Range types, as CREATE TYPE ... AS RANGE with the options that differ from the subtype's defaults. */
export async function readRangeTypes(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const found = await rows<RangeRow>(sql`
    select n.nspname::text as schema, t.typname::text as name, format_type(r.rngsubtype, null) as subtype,
      case when not exists (select from pg_opclass d where d.oid = r.rngsubopc and d.opcdefault
          and d.opcintype = r.rngsubtype) then ${opclassName('r.rngsubopc')} end as opclass,
      case when r.rngcollation <> 0 and r.rngcollation <> st.typcollation
        then ${collationName('r.rngcollation')} end as collation,
      ${routineName('r.rngcanonical')} as canonical, ${routineName('r.rngsubdiff')} as subdiff,
      format_type(r.rngmultitypid, null) as multirange
    from pg_range r
    join pg_type t on t.oid = r.rngtypid
    join pg_type st on st.oid = r.rngsubtype
    join pg_namespace n on n.oid = t.typnamespace
    where ${scope.userSchema('n')} and ${notExtensionMember('pg_type', 't.oid')}`)
  return found.map((r) => {
    const options = [`SUBTYPE = ${r.subtype}`]
    if (r.opclass !== null) options.push(`SUBTYPE_OPCLASS = ${r.opclass}`)
    if (r.collation !== null) options.push(`COLLATION = ${r.collation}`)
    if (r.canonical !== null) options.push(`CANONICAL = ${r.canonical}`)
    if (r.subdiff !== null) options.push(`SUBTYPE_DIFF = ${r.subdiff}`)
    options.push(`MULTIRANGE_TYPE_NAME = ${r.multirange}`)
    return definedObject(
      'range type',
      r.schema,
      r.name,
      null,
      `CREATE TYPE ${qualifiedName(r.schema, r.name)} AS RANGE (${options.join(', ')})`,
    )
  })
}
