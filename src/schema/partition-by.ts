import type { SQL } from '../sql/sql.js'
import type { AnyColumn } from './column.js'
import type { PartitionBySpec, PartitionStrategy, TableExtra } from './table-extras.js'

/**
 * PARTITION BY, declared among a table's extras: the table holds no rows itself, its partitions
 * (`partition()`) do, each taking the rows its bound covers. The key is columns or expressions,
 * written as PostgreSQL's PARTITION BY takes them: a function call as is, any other expression in
 * brackets (sql`(${t.a} + ${t.b})`). A primary key or unique constraint of a partitioned table must
 * include every key column.
 *
 * @example
 * export const events = table('events', {
 *   id: bigint().notNull(),
 *   createdAt: timestamptz('created_at').notNull(),
 * }, (t) => [primaryKey(t.id, t.createdAt), partitionBy('range', t.createdAt)])
 * // CREATE TABLE "public"."events" (...) PARTITION BY RANGE (created_at)
 */
export function partitionBy(
  strategy: PartitionStrategy,
  ...key: readonly [AnyColumn | SQL, ...(AnyColumn | SQL)[]]
): TableExtra & { spec: PartitionBySpec } {
  if (strategy !== 'range' && strategy !== 'list' && strategy !== 'hash') {
    throw new TypeError(`partitionBy() takes 'range', 'list' or 'hash', got ${String(strategy)}`)
  }
  if (key.length === 0) throw new TypeError('partitionBy() needs at least one column or expression')
  return { spec: Object.freeze({ kind: 'partitionBy', strategy, elements: Object.freeze([...key]) }) }
}
