import type { PartitionBound } from './partition-bound.js'
import {
  type AnyTable,
  type ColumnMap,
  defineTable,
  type Table,
  type tableColumns,
  tableDefinition,
} from './table.js'
import type { TableExtra } from './table-extras.js'

type ColumnsOf<T> = T extends { readonly [tableColumns]: infer C extends ColumnMap } ? C : never

export interface PartitionOptions {
  /** The partition's schema; its parent's by default. */
  readonly schema?: string
}

/**
 * A partition of a partitioned table (one with `partitionBy()` among its extras): CREATE TABLE ...
 * PARTITION OF ... FOR VALUES. It has its parent's columns, so its rows have the parent's type, and it
 * can be queried like any table. Its extras may add what is its own: indexes, checks, a comment,
 * row-level security, policies, or a `partitionBy()` of its own to split it further. Keys, indexes
 * and foreign keys declared on the parent are PostgreSQL's to copy onto every partition.
 *
 * @example
 * export const events2026 = partition(events, 'events_2026', { from: '2026-01-01', to: '2027-01-01' })
 * export const eventsOther = partition(events, 'events_other', { default: true })
 * // CREATE TABLE "public"."events_2026" PARTITION OF "public"."events"
 * //   FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
 */
export function partition<P extends AnyTable, N extends string>(
  parent: P,
  name: N,
  bound: PartitionBound,
  extras?: (columns: ColumnsOf<P>) => readonly TableExtra[],
  options: PartitionOptions = {},
): Table<N, ColumnsOf<P>> {
  const definition = parent?.[tableDefinition]
  if (definition === undefined) throw new TypeError('partition() takes the partitioned table first')
  if (typeof bound !== 'object' || bound === null) throw new TypeError('partition() takes a bound')
  return defineTable(
    name,
    definition.columns as ColumnsOf<P>,
    extras,
    options.schema ?? definition.schema,
    Object.freeze({ parent, bound }),
    definition.casing,
  )
}
