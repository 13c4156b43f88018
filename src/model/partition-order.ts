import { objectKey } from './object-key.js'
import type { TableModel } from './types.js'

/**
 * Tables with every partition after its parent (and sub-partitions after theirs), otherwise in the
 * order given: how they must be created. Reversed, how they must be dropped.
 */
export function tablesInPartitionOrder<T extends TableModel>(tables: readonly T[]): T[] {
  const byKey = new Map(tables.map((t) => [objectKey(t), t]))
  const depth = (table: TableModel, seen = new Set<string>()): number => {
    const of = table.partitionOf
    if (of === null || seen.has(objectKey(table))) return 0
    seen.add(objectKey(table))
    const parent = byKey.get(`${of.schema}.${of.table}`)
    return parent === undefined ? 0 : 1 + depth(parent, seen)
  }
  return tables
    .map((table, i) => ({ table, i, depth: depth(table) }))
    .sort((a, b) => a.depth - b.depth || a.i - b.i)
    .map(({ table }) => table)
}
