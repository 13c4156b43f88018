import type { PartitionOfModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import { tableLabel } from '../renames.js'
import { partitionDraft } from './drift-drafts.js'
import { asWritten, type FamilyEntries } from './kind-entry.js'
import { hazard, label } from './words.js'

/** Partitions moving between parents (creating or dropping one is a `create-table` / `drop-table`). */
export type PartitionChange =
  /**
   * ALTER TABLE parent DETACH PARTITION: the partition becomes a table of its own, with its rows.
   * `reattached` when the same plan attaches it again (a changed bound or parent).
   */
  | {
      readonly kind: 'detach-partition'
      readonly table: ObjectRef
      readonly partitionOf: PartitionOfModel
      readonly reattached: boolean
    }
  /** ALTER TABLE parent ATTACH PARTITION ... FOR VALUES; `previous` is where it was detached from, if anywhere. */
  | {
      readonly kind: 'attach-partition'
      readonly table: ObjectRef
      readonly partitionOf: PartitionOfModel
      readonly previous: PartitionOfModel | null
    }

const parent = (of: PartitionOfModel): string => tableLabel(of.schema, of.table)

export const partitionKinds: FamilyEntries<PartitionChange> = {
  'detach-partition': {
    describe: (change) => `detach partition ${label(change.table)} from ${parent(change.partitionOf)}`,
    hazards: (change) =>
      change.reattached
        ? []
        : [
            hazard(
              'breaking',
              `detaches ${label(change.table)} from ${parent(change.partitionOf)}: its rows are no longer read through it`,
            ),
          ],
    // A partition detached and attached again is worded once, by its attach.
    drift: (change) =>
      change.reattached
        ? []
        : [partitionDraft(change.table, change.partitionOf, 'changed', 'detached outside migrations')],
    authored: asWritten,
  },
  'attach-partition': {
    describe: (change) =>
      `attach partition ${label(change.table)} to ${parent(change.partitionOf)} (${change.partitionOf.bound})`,
    hazards: (change, { existing }) =>
      existing(change.table)
        ? [
            hazard(
              'long-lock',
              `attaching ${label(change.table)} to ${parent(change.partitionOf)} scans it under lock to check its bound`,
            ),
          ]
        : [],
    drift: (change) => {
      const previous = change.previous
      const detail =
        previous === null
          ? 'attached outside migrations'
          : previous.schema === change.partitionOf.schema && previous.table === change.partitionOf.table
            ? 'bounds changed'
            : `moved from ${tableLabel(previous.schema, previous.table)}`
      return [partitionDraft(change.table, change.partitionOf, 'changed', detail)]
    },
    authored: asWritten,
  },
}
