import type { StorageTarget } from '../../../../diff/change-parts.js'
import type { StorageParameterChange } from '../../../../diff/families/storage-parameters.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { qualified, storageParameterList } from '../render-parts.js'

const STORAGE_TARGETS: Record<StorageTarget, string> = {
  table: 'TABLE',
  index: 'INDEX',
  view: 'VIEW',
  'materialized view': 'MATERIALIZED VIEW',
}

export const storageParameterRenderers: FamilyRenderers<StorageParameterChange> = {
  /** RESET what goes, then SET what is new or changed. */
  'set-storage-parameters': (change) => {
    const alter = `ALTER ${STORAGE_TARGETS[change.target]} ${qualified(change.relation.schema, change.relation.name)}`
    const kept = new Set(change.to.map((p) => p.name))
    const reset = change.from.filter((p) => !kept.has(p.name)).map((p) => p.name)
    const set = change.to.filter((p) => !change.from.some((f) => f.name === p.name && f.value === p.value))
    return [
      ...(reset.length === 0 ? [] : [`${alter} RESET (${reset.join(', ')})`]),
      ...(set.length === 0 ? [] : [`${alter} SET (${storageParameterList(set)})`]),
    ]
  },
}
