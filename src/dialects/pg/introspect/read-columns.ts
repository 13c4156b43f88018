import type {
  ColumnModel,
  IdentityModel,
  PartitionKeyModel,
  PartitionOfModel,
  ReplicaIdentityModel,
  RowLevelSecurityModel,
  StorageParameterModel,
} from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { unquoteIdentifier } from '../grammar/catalog-text.js'
import { collationName } from './catalog-names.js'
import { partitionKey } from './partition-key.js'
import { notExtensionMember, type ReadRows, type Scope } from './scope.js'
import { storageParameters } from './storage-parameters.js'

/** A table as read before its constraints and indexes are attached. */
export interface TableShell {
  readonly oid: number
  readonly schema: string
  readonly name: string
  readonly columns: ColumnModel[]
  readonly comment: string | null
  readonly rowLevelSecurity: RowLevelSecurityModel
  readonly storageParameters: StorageParameterModel[]
  readonly unlogged: boolean
  readonly replicaIdentity: ReplicaIdentityModel
  readonly partitionBy: PartitionKeyModel | null
  readonly partitionOf: PartitionOfModel | null
}

interface ColumnRow {
  table_oid: number
  schema: string
  table: string
  table_comment: string | null
  rls_enabled: boolean
  rls_forced: boolean
  options: string[] | null
  toast_options: string[] | null
  persistence: string
  replica_identity: string
  replica_index: string | null
  partition_key: string | null
  parent_schema: string | null
  parent_table: string | null
  partition_bound: string | null
  name: string | null
  type: string
  dimensions: number
  is_array: boolean
  not_null: boolean
  default: string | null
  generated: string | null
  identity: string
  sequence: string | null
  start: string | null
  increment: string | null
  min: string | null
  max: string | null
  cache: string | null
  cycle: boolean | null
  collation: string | null
  comment: string | null
}

/**
 * Every table (plain and partitioned, partitions with their parent and bound) with its columns in
 * attnum order, in one query.
 */
export async function readTables(rows: ReadRows, scope: Scope): Promise<TableShell[]> {
  const found = await rows<ColumnRow>(sql`
    select c.oid as table_oid, n.nspname::text as schema, c.relname::text as table,
      obj_description(c.oid, 'pg_class') as table_comment,
      c.relrowsecurity as rls_enabled, c.relforcerowsecurity as rls_forced,
      c.reloptions::text[] as options, tc.reloptions::text[] as toast_options,
      c.relpersistence::text as persistence, c.relreplident::text as replica_identity,
      (select ri.relname::text from pg_index x join pg_class ri on ri.oid = x.indexrelid
        where x.indrelid = c.oid and x.indisreplident) as replica_index,
      case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
      pn.nspname::text as parent_schema, pc.relname::text as parent_table,
      case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
      a.attname::text as name,
      format_type(a.atttypid, a.atttypmod) as type, a.attndims::int as dimensions,
      (t.typcategory = 'A' and t.typtype = 'b') as is_array, a.attnotnull as not_null,
      case when a.attgenerated = '' then pg_get_expr(d.adbin, d.adrelid) end as default,
      case when a.attgenerated <> '' then pg_get_expr(d.adbin, d.adrelid) end as generated,
      a.attidentity::text as identity, sc.relname::text as sequence, s.seqstart::text as start,
      s.seqincrement::text as increment, s.seqmin::text as min, s.seqmax::text as max,
      s.seqcache::text as cache, s.seqcycle as cycle,
      case when a.attcollation <> t.typcollation then ${collationName('a.attcollation')} end as collation,
      col_description(c.oid, a.attnum) as comment
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class tc on tc.oid = c.reltoastrelid
    left join pg_inherits ih on c.relispartition and ih.inhrelid = c.oid
    left join pg_class pc on pc.oid = ih.inhparent
    left join pg_namespace pn on pn.oid = pc.relnamespace
    -- A partition's inherited columns are its parent's (attislocal is false for them).
    left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      and (a.attislocal or not c.relispartition)
    left join pg_type t on t.oid = a.atttypid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    left join pg_depend dep on a.attidentity <> '' and dep.classid = 'pg_class'::regclass
      and dep.refclassid = 'pg_class'::regclass and dep.refobjid = c.oid and dep.refobjsubid = a.attnum
      and dep.deptype = 'i'
    left join pg_class sc on sc.oid = dep.objid and sc.relkind = 'S'
    left join pg_sequence s on s.seqrelid = sc.oid
    where c.relkind in ('r', 'p') and ${scope.userSchema('n')} and ${notExtensionMember('pg_class', 'c.oid')}
    order by c.oid, a.attnum`)

  const tables = new Map<number, TableShell>()
  for (const row of found) {
    if (scope.isExcluded(row.schema, row.table)) continue
    let table = tables.get(row.table_oid)
    if (table === undefined) {
      table = {
        oid: row.table_oid,
        schema: row.schema,
        name: row.table,
        columns: [],
        comment: row.table_comment,
        rowLevelSecurity: { enabled: row.rls_enabled, forced: row.rls_forced },
        storageParameters: storageParameters(row.options, row.toast_options),
        unlogged: row.persistence === 'u',
        replicaIdentity: replicaIdentity(row.replica_identity, row.replica_index),
        partitionBy: row.partition_key === null ? null : partitionKey(row.partition_key),
        partitionOf:
          row.parent_table === null
            ? null
            : { schema: row.parent_schema!, table: row.parent_table, bound: row.partition_bound! },
      }
      tables.set(row.table_oid, table)
    }
    if (row.name !== null) table.columns.push(columnModel(row as ColumnRow & { name: string }))
  }
  return [...tables.values()]
}

function columnModel(row: ColumnRow & { name: string }): ColumnModel {
  return {
    name: row.name,
    type: row.type,
    // attndims is 0 for array columns made by CREATE TABLE AS or views; they still hold arrays.
    dimensions: row.dimensions > 0 ? row.dimensions : row.is_array ? 1 : 0,
    notNull: row.not_null,
    default: row.default,
    identity: identityModel(row),
    generated: row.generated,
    collation: row.collation === null ? null : unquoteIdentifier(row.collation),
    comment: row.comment,
  }
}

function identityModel(row: ColumnRow): IdentityModel | null {
  if (row.identity !== 'a' && row.identity !== 'd') return null
  if (row.sequence === null)
    throw new Error(`identity column ${row.schema}.${row.table}.${row.name} has no sequence`)
  return {
    generation: row.identity === 'a' ? 'always' : 'by default',
    sequence: {
      name: row.sequence,
      start: row.start!,
      increment: row.increment!,
      minValue: row.min!,
      maxValue: row.max!,
      cache: row.cache!,
      cycle: row.cycle!,
    },
  }
}

const REPLICA_IDENTITIES: Record<string, ReplicaIdentityModel['kind']> = {
  d: 'default',
  f: 'full',
  n: 'nothing',
  i: 'index',
}

/** relreplident; an identity whose index was dropped reads as NOTHING, as PostgreSQL then behaves. */
function replicaIdentity(code: string, index: string | null): ReplicaIdentityModel {
  const kind = REPLICA_IDENTITIES[code] ?? 'default'
  if (kind !== 'index') return { kind, index: null }
  return index === null ? { kind: 'nothing', index: null } : { kind, index }
}
