import type { OtherObjectModel } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { qualifiedName, quoteIdentIfNeeded } from '../../quote.js'
import { byName } from '../order.js'
import { notExtensionMember, type ReadRows, type Scope } from '../scope.js'
import { collationName, opclassName, routineName } from './catalog-names.js'
import { otherObject } from './other-object.js'

interface DomainRow {
  schema: string
  name: string
  base: string
  collation: string | null
  default: string | null
  not_null: boolean
  checks: [string, string][]
}

/**
 * Domains, as CREATE DOMAIN built from the base type, collation, default, NOT NULL and named checks.
 * NOT NULL comes from pg_type, not from the NOT NULL constraint rows PostgreSQL 17+ also stores.
 */
export async function readDomains(rows: ReadRows, scope: Scope): Promise<OtherObjectModel[]> {
  const found = await rows<DomainRow>(sql`
    select n.nspname::text as schema, t.typname::text as name, format_type(t.typbasetype, t.typtypmod) as base,
      case when t.typcollation <> bt.typcollation then ${collationName('t.typcollation')} end as collation,
      pg_get_expr(t.typdefaultbin, 0) as default, t.typnotnull as not_null,
      coalesce((select json_agg(json_build_array(k.conname, pg_get_constraintdef(k.oid)))
        from pg_constraint k where k.contypid = t.oid and k.contype = 'c'), '[]') as checks
    from pg_type t
    join pg_type bt on bt.oid = t.typbasetype
    join pg_namespace n on n.oid = t.typnamespace
    where t.typtype = 'd' and ${scope.userSchema('n')} and ${notExtensionMember('pg_type', 't.oid')}`)
  return found.map((d) => {
    const parts = [`CREATE DOMAIN ${qualifiedName(d.schema, d.name)} AS ${d.base}`]
    if (d.collation !== null) parts.push(`COLLATE ${d.collation}`)
    if (d.default !== null) parts.push(`DEFAULT ${d.default}`)
    if (d.not_null) parts.push('NOT NULL')
    const checks = d.checks.map(([name, definition]) => ({ name, definition })).sort(byName)
    for (const check of checks) parts.push(`CONSTRAINT ${quoteIdentIfNeeded(check.name)} ${check.definition}`)
    return otherObject('domain', d.schema, d.name, null, parts.join(' '))
  })
}

interface CompositeRow {
  schema: string
  name: string
  attributes: [string, string, string | null][]
}

/** Standalone composite types (CREATE TYPE ... AS (...)); a table's row type is the table. */
export async function readCompositeTypes(rows: ReadRows, scope: Scope): Promise<OtherObjectModel[]> {
  const found = await rows<CompositeRow>(sql`
    select n.nspname::text as schema, t.typname::text as name,
      coalesce((select json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod),
          case when a.attcollation <> at.typcollation then ${collationName('a.attcollation')} end) order by a.attnum)
        from pg_attribute a join pg_type at on at.oid = a.atttypid
        where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '[]') as attributes
    from pg_type t
    join pg_class c on c.oid = t.typrelid
    join pg_namespace n on n.oid = t.typnamespace
    where t.typtype = 'c' and c.relkind = 'c' and ${scope.userSchema('n')}
      and ${notExtensionMember('pg_type', 't.oid')}`)
  return found.map((t) => {
    const attributes = t.attributes.map(
      ([name, type, collation]) =>
        `${quoteIdentIfNeeded(name)} ${type}${collation === null ? '' : ` COLLATE ${collation}`}`,
    )
    return otherObject(
      'composite type',
      t.schema,
      t.name,
      null,
      `CREATE TYPE ${qualifiedName(t.schema, t.name)} AS (${attributes.join(', ')})`,
    )
  })
}

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
export async function readRangeTypes(rows: ReadRows, scope: Scope): Promise<OtherObjectModel[]> {
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
    return otherObject(
      'range type',
      r.schema,
      r.name,
      null,
      `CREATE TYPE ${qualifiedName(r.schema, r.name)} AS RANGE (${options.join(', ')})`,
    )
  })
}
