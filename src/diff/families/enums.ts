import type { EnumModel } from '../../model/types.js'
import type { EnumColumnUse, ObjectRef } from '../change-parts.js'
import { authoredDefault } from './authored-parts.js'
import { commentDrafts } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { commentVerb, hazard, label } from './words.js'

/** Enum types: create, drop, new labels, and the two steps of removing or reordering labels. */
export type EnumChange =
  | { readonly kind: 'create-enum'; readonly enum: EnumModel }
  | { readonly kind: 'drop-enum'; readonly enum: EnumModel }
  | {
      readonly kind: 'add-enum-value'
      readonly enum: ObjectRef
      readonly value: string
      /** The existing label it goes before, or null to append. */
      readonly before: string | null
    }
  | {
      /**
       * Removal or reordering of labels, step one: the old type steps aside under a retired name and
       * a new type takes its name, so everything created afterwards uses the new labels.
       */
      readonly kind: 'replace-enum'
      readonly from: EnumModel
      readonly to: EnumModel
    }
  | {
      /** Step two: the columns still on the retired type move to the new one, and the retired type goes. */
      readonly kind: 'move-enum-columns'
      readonly enum: EnumModel
      readonly columns: readonly EnumColumnUse[]
    }
  /** COMMENT ON an enum that stays: `to` null removes it. A created enum carries its comment. */
  | {
      readonly kind: 'set-enum-comment'
      readonly enum: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }

const labels = (values: readonly string[]): string => `(${values.map((v) => `'${v}'`).join(', ')})`

// A type dropped here goes only after the columns that used it (whose changes carry the hazards).
export const enumKinds: FamilyEntries<EnumChange> = {
  'create-enum': {
    describe: (change) => `create enum ${label(change.enum)}`,
    hazards: noHazards,
    drift: (change) => [{ object: 'enum', name: label(change.enum), state: 'added' }],
    authored: asWritten,
  },
  'drop-enum': {
    describe: (change) => `drop enum ${label(change.enum)}`,
    hazards: noHazards,
    drift: (change) => [{ object: 'enum', name: label(change.enum), state: 'missing' }],
    authored: asWritten,
  },
  'add-enum-value': {
    describe: (change) => `add value '${change.value}' to enum ${label(change.enum)}`,
    hazards: noHazards,
    drift: (change) => [
      { object: 'enum', name: label(change.enum), state: 'changed', detail: `value '${change.value}' added` },
    ],
    authored: asWritten,
  },
  'replace-enum': {
    describe: (change) =>
      `replace enum ${label(change.to)} with (${change.to.values.map((v) => `'${v}'`).join(', ')})`,
    hazards: (change) => {
      const removed = change.from.values.filter((v) => !change.to.values.includes(v))
      if (removed.length === 0) return []
      const gone = removed.map((v) => `'${v}'`).join(', ')
      return [
        hazard(
          'data-loss',
          `removes ${gone} from enum ${label(change.from)}: rows that hold them make the migration fail`,
        ),
      ]
    },
    drift: (change) => [
      {
        object: 'enum',
        name: label(change.to),
        state: 'changed',
        detail: `values changed from ${labels(change.from.values)} to ${labels(change.to.values)}`,
      },
      ...commentDrafts('enum', label(change.to), change.from.comment, change.to.comment),
    ],
    authored: asWritten,
  },
  'move-enum-columns': {
    describe: (change) => `move the columns of enum ${label(change.enum)} to its new labels`,
    hazards: (change) => {
      if (change.columns.length === 0) return []
      const tables = [...new Set(change.columns.map((c) => label(c.table)))].join(', ')
      return [hazard('table-rewrite', `moving to the new enum ${label(change.enum)} rewrites ${tables}`)]
    },
    drift: () => [], // The second half of replace-enum, already worded.
    authored: (change, source) => ({
      ...change,
      columns: change.columns.map((use) => authoredDefault(use, source)),
    }),
  },
  'set-enum-comment': {
    describe: (change) => `${commentVerb(change)} comment on enum ${label(change.enum)}`,
    hazards: noHazards,
    drift: (change) => commentDrafts('enum', label(change.enum), change.from, change.to),
    authored: asWritten,
  },
}
