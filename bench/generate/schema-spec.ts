/**
 * The benchmark schema as plain data, so one description renders to both Tidemark's DSL and
 * drizzle-orm's pg-core and the two tools compare the same tables.
 */

export type ColumnKind =
  | 'uuid'
  | 'serial'
  | 'integer'
  | 'bigint'
  | 'text'
  | 'varchar'
  | 'boolean'
  | 'numeric'
  | 'date'
  | 'timestamptz'
  | 'jsonb'
  | 'status'
  | 'priority'

/** A default both tools can write: a literal, or one of a few SQL functions. */
export type DefaultSpec =
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'now' }
  | { readonly kind: 'random-uuid' }

export interface ColumnSpec {
  /** The SQL name; the property key is its camelCase form. */
  readonly name: string
  readonly kind: ColumnKind
  readonly primaryKey: boolean
  readonly notNull: boolean
  readonly unique: boolean
  readonly default: DefaultSpec | undefined
  /** The referenced table's name; the target is always its `id` column. */
  readonly references: string | undefined
}

export interface IndexSpec {
  readonly name: string
  readonly columns: readonly string[]
}

export interface TableSpec {
  readonly name: string
  readonly columns: readonly ColumnSpec[]
  readonly indexes: readonly IndexSpec[]
}

export interface EnumSpec {
  readonly name: 'status' | 'priority'
  readonly values: readonly string[]
}

export interface SchemaSpec {
  readonly enums: readonly EnumSpec[]
  readonly tables: readonly TableSpec[]
}

export const ENUMS: readonly EnumSpec[] = [
  { name: 'status', values: ['active', 'paused', 'archived'] },
  { name: 'priority', values: ['low', 'normal', 'high'] },
]

/** The first `count` tables of the benchmark schema; `changed` names tables that get the later edit. */
export function benchSchema(count: number, changed: ReadonlySet<number> = new Set()): SchemaSpec {
  const tables: TableSpec[] = []
  for (let i = 0; i < count; i++) tables.push(changeTable(baseTable(i), i, changed.has(i)))
  return { enums: ENUMS, tables }
}

/** Every tenth table: 20 of 200. */
export function changedTables(count: number): ReadonlySet<number> {
  const changed = new Set<number>()
  for (let i = 0; i < count; i += 10) changed.add(i)
  return changed
}

export const tableName = (i: number): string => `t${String(i).padStart(3, '0')}`

const column = (name: string, kind: ColumnKind, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  kind,
  primaryKey: false,
  notNull: false,
  unique: false,
  default: undefined,
  references: undefined,
  ...extra,
})

const literal = (value: string | number | boolean): DefaultSpec => ({ kind: 'literal', value })

/** Three primary key shapes, so foreign keys have to follow the referenced table's key type. */
function primaryKeyKind(i: number): ColumnKind {
  return (['uuid', 'serial', 'integer'] as const)[i % 3]!
}

function baseTable(i: number): TableSpec {
  const name = tableName(i)
  const idKind = primaryKeyKind(i)
  const columns: ColumnSpec[] = [
    column('id', idKind, {
      primaryKey: true,
      notNull: true,
      default: idKind === 'uuid' ? { kind: 'random-uuid' } : undefined,
    }),
    column('name', 'text', { notNull: true }),
    column('created_at', 'timestamptz', { notNull: true, default: { kind: 'now' } }),
  ]
  if (i % 5 === 0) columns.push(column('email', 'varchar', { notNull: true, unique: true }))
  if (i % 4 === 1) columns.push(column('status', 'status', { notNull: true, default: literal('active') }))
  if (i % 7 === 3) columns.push(column('priority', 'priority', { default: literal('normal') }))
  if (i % 2 === 0) columns.push(column('amount', 'numeric', { notNull: true, default: literal('0') }))
  if (i % 3 === 1) columns.push(column('visits', 'integer', { notNull: true, default: literal(0) }))
  if (i % 3 === 2) columns.push(column('enabled', 'boolean', { notNull: true, default: literal(true) }))
  if (i % 4 === 2) columns.push(column('total', 'bigint'))
  if (i % 6 === 4) columns.push(column('born_on', 'date'))
  if (i % 2 === 1) columns.push(column('payload', 'jsonb'))
  // A foreign key in every fifth table, always to an earlier table so a growing schema stays valid.
  if (i % 5 === 1) {
    const parent = i - 1
    columns.push(column('parent_id', foreignKeyKind(parent), { references: tableName(parent) }))
  }
  const indexes: IndexSpec[] = [{ name: `${name}_created_at_idx`, columns: ['created_at'] }]
  if (i % 6 === 0) indexes.push({ name: `${name}_name_created_at_idx`, columns: ['name', 'created_at'] })
  return { name, columns, indexes }
}

/** serial keys are referenced by plain integers. */
function foreignKeyKind(parent: number): ColumnKind {
  const kind = primaryKeyKind(parent)
  return kind === 'serial' ? 'integer' : kind
}

/** The edit under test, one of three kinds per changed table: a new column, a new default, a new index. */
function changeTable(table: TableSpec, i: number, changed: boolean): TableSpec {
  if (!changed) return table
  switch ((i / 10) % 3) {
    case 0:
      return { ...table, columns: [...table.columns, column('note', 'text')] }
    case 1:
      return {
        ...table,
        columns: table.columns.map((c) => (c.name === 'name' ? { ...c, default: literal('unnamed') } : c)),
      }
    default:
      return { ...table, indexes: [...table.indexes, { name: `${table.name}_name_idx`, columns: ['name'] }] }
  }
}
