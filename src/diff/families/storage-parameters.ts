import type { StorageParameterModel } from '../../model/types.js'
import type { ObjectRef, StorageTarget } from '../change-parts.js'
import { viewIndexDraft } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { label } from './words.js'

/**
 * ALTER TABLE / INDEX / VIEW / MATERIALIZED VIEW ... SET (...) for parameters set or changed,
 * RESET (...) for those removed.
 */
export type StorageParameterChange = {
  readonly kind: 'set-storage-parameters'
  readonly target: StorageTarget
  readonly relation: ObjectRef
  /** The table or materialized view an index is on; null for the others. */
  readonly on: ObjectRef | null
  readonly from: readonly StorageParameterModel[]
  readonly to: readonly StorageParameterModel[]
}

/** `(fillfactor=70, autovacuum_enabled=false)`, or `none`. */
function parameterText(parameters: readonly StorageParameterModel[]): string {
  if (parameters.length === 0) return 'none'
  return `(${parameters.map((p) => `${p.name}=${p.value}`).join(', ')})`
}

export const storageParameterKinds: FamilyEntries<StorageParameterChange> = {
  'set-storage-parameters': {
    describe: (change) => `set storage parameters of ${change.target} ${label(change.relation)}`,
    hazards: noHazards,
    drift: (change, { expected }) => {
      // An index is named like its other findings: `users_name_idx on users`.
      const on = change.on
      const onView = on !== null && expected.views.some((v) => v.schema === on.schema && v.name === on.name)
      const name =
        on === null
          ? label(change.relation)
          : onView
            ? viewIndexDraft(on, change.relation.name, 'changed').name
            : `${change.relation.name} on ${label(on)}`
      const owner = label(on ?? change.relation)
      const detail = `storage parameters changed from ${parameterText(change.from)} to ${parameterText(change.to)}`
      return [{ object: change.target, name, state: 'changed', detail, owner }]
    },
    authored: asWritten,
  },
}
