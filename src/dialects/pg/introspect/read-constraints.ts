import type {
  ForeignKeyActionModel,
  ForeignKeyModel,
  PrimaryKeyModel,
  TableCheckModel,
  UniqueModel,
} from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { checkExpression } from '../grammar/catalog-text.js'
import { byName } from './order.js'
import { notExtensionMember, type ReadRows, type Scope } from './scope.js'

export interface TableConstraints {
  primaryKey: PrimaryKeyModel | null
  readonly uniques: UniqueModel[]
  readonly foreignKeys: ForeignKeyModel[]
  readonly checks: TableCheckModel[]
}

interface ConstraintRow {
  table_oid: number
  name: string
  type: 'p' | 'u' | 'f' | 'c'
  columns: string[]
  deferrable: boolean
  deferred: boolean
  nulls_not_distinct: boolean | null
  ref_schema: string | null
  ref_table: string | null
  ref_columns: string[] | null
  on_delete: string
  on_update: string
  validated: boolean
  match_type: string
  definition: string
  comment: string | null
}

const actions: Record<string, ForeignKeyActionModel> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
}

/**
 * Primary keys, unique constraints, foreign keys and checks of every table, by table oid. NOT NULL
 * constraints (stored in pg_constraint from PostgreSQL 18) are columns' notNull, not listed here.
 */
export async function readConstraints(rows: ReadRows, scope: Scope): Promise<Map<number, TableConstraints>> {
  const found = await rows<ConstraintRow>(sql`
    select k.conrelid as table_oid, k.conname::text as name, k.contype::text as type,
      array(select a.attname::text from unnest(k.conkey) with ordinality u(num, ord)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.ord) as columns,
      k.condeferrable as deferrable, k.condeferred as deferred,
      (select i.indnullsnotdistinct from pg_index i where i.indexrelid = k.conindid) as nulls_not_distinct,
      rn.nspname::text as ref_schema, rc.relname::text as ref_table,
      case when k.contype = 'f' then array(select a.attname::text from unnest(k.confkey) with ordinality u(num, ord)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num order by u.ord) end as ref_columns,
      k.confdeltype::text as on_delete, k.confupdtype::text as on_update, k.convalidated as validated,
      k.confmatchtype::text as match_type,
      case when k.contype = 'c' then pg_get_constraintdef(k.oid) else '' end as definition,
      obj_description(k.oid, 'pg_constraint') as comment
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class rc on rc.oid = k.confrelid and k.contype = 'f'
    left join pg_namespace rn on rn.oid = rc.relnamespace
    where k.contype in ('p', 'u', 'f', 'c') and c.relkind in ('r', 'p')
      -- Constraints PostgreSQL copies from a parent onto its partitions, and the foreign keys it adds
      -- for each partition of a referenced partitioned table, are not the table's own.
      and k.conparentid = 0 and (k.conislocal or not c.relispartition)
      and ${scope.userSchema('n')} and ${notExtensionMember('pg_class', 'c.oid')}`)

  const byTable = new Map<number, TableConstraints>()
  for (const row of found) {
    let entry = byTable.get(row.table_oid)
    if (entry === undefined) {
      entry = { primaryKey: null, uniques: [], foreignKeys: [], checks: [] }
      byTable.set(row.table_oid, entry)
    }
    addConstraint(entry, row)
  }
  for (const entry of byTable.values()) {
    entry.uniques.sort(byName)
    entry.foreignKeys.sort(byName)
    entry.checks.sort(byName)
  }
  return byTable
}

function addConstraint(entry: TableConstraints, row: ConstraintRow): void {
  const deferral = { deferrable: row.deferrable, initiallyDeferred: row.deferred }
  // A key or check added NOT VALID leaves the rows it found unchecked: a difference check must see.
  const validation = row.validated ? {} : { notValid: true as const }
  const comment = row.comment
  switch (row.type) {
    case 'p':
      entry.primaryKey = { name: row.name, columns: row.columns, comment }
      return
    case 'u':
      entry.uniques.push({
        name: row.name,
        columns: row.columns,
        nullsNotDistinct: row.nulls_not_distinct ?? false,
        ...deferral,
        comment,
      })
      return
    case 'f':
      entry.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        references: { schema: row.ref_schema!, table: row.ref_table!, columns: row.ref_columns! },
        onDelete: actions[row.on_delete]!,
        onUpdate: actions[row.on_update]!,
        ...deferral,
        // MATCH PARTIAL is not implemented by PostgreSQL: 's' (simple) or 'f' (full).
        ...(row.match_type === 'f' ? { matchFull: true as const } : {}),
        ...validation,
        comment,
      })
      return
    case 'c':
      entry.checks.push({
        name: row.name,
        expression: checkExpression(row.definition),
        ...validation,
        comment,
      })
      return
    default:
      row.type satisfies never
  }
}
