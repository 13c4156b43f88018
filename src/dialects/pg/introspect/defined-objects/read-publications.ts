import type { DefinedObjectModel } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { qualifiedName, quoteIdentIfNeeded, quoteLiteral } from '../../grammar/quote.js'
import type { ReadRows, Scope } from '../scope.js'
import { definedObject } from './defined-object.js'

interface PublicationRow {
  name: string
  all_tables: boolean
  insert: boolean
  update: boolean
  delete: boolean
  truncate: boolean
  via_root: boolean
  /** PostgreSQL 18's pubgencols ('n' none, 's' stored); null before it. */
  generated: string | null
  comment: string | null
}

interface MemberRow {
  publication: string
  schema: string
  /** Null for a whole schema (FOR TABLES IN SCHEMA). */
  table: string | null
  /** The column list, quoted, in column order; null for every column. */
  columns: string | null
  filter: string | null
  requested: boolean
}

/** Publications belong to no schema: the model files them under public, which is never created. */
const PUBLICATION_SCHEMA = 'public'

/**
 * Publications (logical replication), as the CREATE PUBLICATION that makes them: every table with
 * ONLY, its column list and row filter, as pg_dump adds them (one row of pg_publication_rel each),
 * whole schemas, and the options that differ from the defaults. Read whenever `schemas` is not
 * given; with it, when the publication is FOR ALL TABLES or lists something in those schemas.
 * Excluded tables (the migration journal) are left out of the list.
 */
export async function readPublications(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const publications = await rows<PublicationRow>(sql`
    select p.pubname::text as name, p.puballtables as all_tables, p.pubinsert as insert,
      p.pubupdate as update, p.pubdelete as delete, p.pubtruncate as truncate, p.pubviaroot as via_root,
      to_jsonb(p) ->> 'pubgencols' as generated, obj_description(p.oid, 'pg_publication') as comment
    from pg_publication p`)
  if (publications.length === 0) return []
  const members = await rows<MemberRow>(sql`
    select p.pubname::text as publication, n.nspname::text as schema, c.relname::text as table,
      (select string_agg(quote_ident(a.attname), ', ' order by a.attnum) from pg_attribute a
        where a.attrelid = r.prrelid and a.attnum = any(r.prattrs)) as columns,
      pg_get_expr(r.prqual, r.prrelid) as filter, ${scope.requested('n')} as requested
    from pg_publication_rel r
    join pg_publication p on p.oid = r.prpubid
    join pg_class c on c.oid = r.prrelid
    join pg_namespace n on n.oid = c.relnamespace
    union all
    select p.pubname::text, n.nspname::text, null, null, null, ${scope.requested('n')}
    from pg_publication_namespace pn
    join pg_publication p on p.oid = pn.pnpubid
    join pg_namespace n on n.oid = pn.pnnspid`)
  return publications
    .filter(
      (p) =>
        !scope.isNarrowed() || p.all_tables || members.some((m) => m.publication === p.name && m.requested),
    )
    .map((p) => {
      const listed = members
        .filter((m) => m.publication === p.name && (m.table === null || !scope.isExcluded(m.schema, m.table)))
        .sort(byKindSchemaTable)
      return definedObject(
        'publication',
        PUBLICATION_SCHEMA,
        p.name,
        null,
        createPublication(p, listed),
        p.comment,
      )
    })
}

function createPublication(p: PublicationRow, members: readonly MemberRow[]): string {
  const what = p.all_tables
    ? ' FOR ALL TABLES'
    : members.length === 0
      ? ''
      : ` FOR ${members.map(member).join(', ')}`
  const publish = (
    [
      [p.insert, 'insert'],
      [p.update, 'update'],
      [p.delete, 'delete'],
      [p.truncate, 'truncate'],
    ] as const
  )
    .filter(([on]) => on)
    .map(([, action]) => action)
  const options: string[] = []
  if (publish.length < 4) options.push(`publish = ${quoteLiteral(publish.join(', '))}`)
  if (p.via_root) options.push('publish_via_partition_root = true')
  if (p.generated === 's') options.push('publish_generated_columns = stored')
  const withOptions = options.length === 0 ? '' : ` WITH (${options.join(', ')})`
  return `CREATE PUBLICATION ${quoteIdentIfNeeded(p.name)}${what}${withOptions}`
}

function member(m: MemberRow): string {
  if (m.table === null) return `TABLES IN SCHEMA ${quoteIdentIfNeeded(m.schema)}`
  const columns = m.columns === null ? '' : ` (${m.columns})`
  const filter = m.filter === null ? '' : ` WHERE (${m.filter})`
  return `TABLE ONLY ${qualifiedName(m.schema, m.table)}${columns}${filter}`
}

/** Whole schemas first, then tables; by schema and name in code-unit order, the same everywhere. */
function byKindSchemaTable(a: MemberRow, b: MemberRow): number {
  const key = (m: MemberRow) => [m.table === null ? '0' : '1', m.schema, m.table ?? '']
  const [x, y] = [key(a), key(b)]
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1
  return 0
}
