import { objectKey as key } from '../model/object-key.js'
import type { ColumnModel, TableModel } from '../model/types.js'
import type { ChangeBody } from './changes.js'
import { deepEqual as same } from './equal.js'

/** What partitioning changes between two models, for the tables present on both sides. */
export interface PartitionPlan {
  /**
   * Tables dropped and created again (`schema.name`): those whose partition key changes, which
   * PostgreSQL cannot alter, and every partition under them on either side.
   */
  readonly rebuilt: ReadonlySet<string>
  /** Partitions leaving their parent (before anything else changes in them)... */
  readonly detach: readonly ChangeBody[]
  /** ...and tables joining one, once their parent exists and their columns match it. */
  readonly attach: readonly ChangeBody[]
}

/**
 * A changed partition key is a rebuild: the table goes with its rows and comes back empty (a
 * data-loss hazard says so), since moving the rows into a new key is a decision about the data that
 * only its owner can make, in a migration written by hand. A changed bound or parent is a detach and
 * an attach: the rows stay.
 */
export function planPartitions(
  source: ReadonlyMap<string, TableModel>,
  target: ReadonlyMap<string, TableModel>,
): PartitionPlan {
  const rebuilt = new Set<string>()
  for (const [name, from] of source) {
    const to = target.get(name)
    if (to !== undefined && !same(from.partitionBy, to.partitionBy)) rebuilt.add(name)
  }
  // The partitions of a rebuilt table are rebuilt too: dropping a table drops its partitions.
  for (let grew = rebuilt.size > 0; grew; ) {
    grew = false
    for (const table of [...source.values(), ...target.values()]) {
      const of = table.partitionOf
      if (of === null || rebuilt.has(key(table)) || !rebuilt.has(`${of.schema}.${of.table}`)) continue
      if (source.has(key(table)) && target.has(key(table))) {
        rebuilt.add(key(table))
        grew = true
      }
    }
  }
  const detach: ChangeBody[] = []
  const attach: ChangeBody[] = []
  for (const [name, from] of source) {
    const to = target.get(name)
    if (to === undefined || rebuilt.has(name) || same(from.partitionOf, to.partitionOf)) continue
    const table = { schema: to.schema, name: to.name }
    if (from.partitionOf !== null) {
      detach.push({
        kind: 'detach-partition',
        table,
        partitionOf: from.partitionOf,
        reattached: to.partitionOf !== null,
      })
    }
    if (to.partitionOf !== null) {
      attach.push({
        kind: 'attach-partition',
        table,
        partitionOf: to.partitionOf,
        previous: from.partitionOf,
      })
    }
  }
  return { rebuilt, detach, attach }
}

/**
 * A partition's columns are its parent's (the model lists none). Where a table stops or starts being
 * a partition, its columns are compared with the parent's, which it keeps after a detach and must
 * match before an attach.
 */
export function columnsForComparison(
  table: TableModel,
  other: TableModel,
  tables: ReadonlyMap<string, TableModel>,
): TableModel {
  if (table.partitionOf === null || other.partitionOf !== null) return table
  return { ...table, columns: inheritedColumns(table, tables, new Set()) }
}

function inheritedColumns(
  table: TableModel,
  tables: ReadonlyMap<string, TableModel>,
  seen: Set<string>,
): readonly ColumnModel[] {
  const of = table.partitionOf
  if (of === null || seen.has(key(table))) return table.columns
  seen.add(key(table))
  const parent = tables.get(`${of.schema}.${of.table}`)
  // A comment stays with the column it was set on: the parent's.
  return parent === undefined
    ? table.columns
    : inheritedColumns(parent, tables, seen).map((column) => ({ ...column, comment: null }))
}
