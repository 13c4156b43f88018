import type { PartitionChange } from '../../../../diff/families/partitions.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { qualified } from '../render-parts.js'

const parent = (of: { schema: string; table: string }): string => qualified(of.schema, of.table)

export const partitionRenderers: FamilyRenderers<PartitionChange> = {
  'detach-partition': (change) => [
    `ALTER TABLE ${parent(change.partitionOf)} DETACH PARTITION ${qualified(change.table.schema, change.table.name)}`,
  ],
  'attach-partition': (change) => [
    `ALTER TABLE ${parent(change.partitionOf)} ATTACH PARTITION ${qualified(change.table.schema, change.table.name)} ${change.partitionOf.bound}`,
  ],
}
