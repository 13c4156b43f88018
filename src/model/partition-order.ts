import { objectKey } from './object-key.js'
import type { TableModel } from './types.js'

/**
 * Tables with each partition right after its parent (its siblings and their own partitions in the
 * order given), otherwise in the order given: how they must be created, and how they read best in
 * code. Reversed, how they must be dropped.
 */
export function tablesInPartitionOrder<T extends TableModel>(tables: readonly T[]): T[] {
  const keys = new Set(tables.map(objectKey))
  const children = new Map<string, T[]>()
  const roots: T[] = []
  for (const table of tables) {
    const of = table.partitionOf
    const parent = of === null ? undefined : `${of.schema}.${of.table}`
    if (parent === undefined || !keys.has(parent)) roots.push(table)
    else children.set(parent, [...(children.get(parent) ?? []), table])
  }
  const ordered: T[] = []
  const seen = new Set<string>()
  const visit = (table: T): void => {
    if (seen.has(objectKey(table))) return
    seen.add(objectKey(table))
    ordered.push(table)
    for (const child of children.get(objectKey(table)) ?? []) visit(child)
  }
  roots.forEach(visit)
  // Only a cycle of parents, which PostgreSQL cannot hold, is left: kept in the order given.
  for (const table of tables) visit(table)
  return ordered
}
