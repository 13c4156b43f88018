import type { SequenceModel } from '../../model/types.js'
import { tableLabel } from '../renames.js'
import { fieldChanges, renamedDraft, SEQUENCE_FIELDS } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { hazard, label } from './words.js'

/** Sequences of their own (an identity column's sequence changes with its column). */
export type SequenceChange =
  | { readonly kind: 'create-sequence'; readonly sequence: SequenceModel }
  | { readonly kind: 'drop-sequence'; readonly sequence: SequenceModel }
  | { readonly kind: 'alter-sequence'; readonly from: SequenceModel; readonly to: SequenceModel }
  | { readonly kind: 'rename-sequence'; readonly schema: string; readonly from: string; readonly to: string }
  | { readonly kind: 'set-sequence-owner'; readonly sequence: SequenceModel }

function sequenceDifferences(from: SequenceModel, to: SequenceModel): string {
  return fieldChanges(SEQUENCE_FIELDS.filter((f) => from[f] !== to[f]).map((f) => [f, from[f], to[f]]))
}

export const sequenceKinds: FamilyEntries<SequenceChange> = {
  'create-sequence': {
    describe: (change) => `create sequence ${label(change.sequence)}`,
    hazards: noHazards,
    drift: (change) => [{ object: 'sequence', name: label(change.sequence), state: 'added' }],
    authored: asWritten,
  },
  'drop-sequence': {
    describe: (change) => `drop sequence ${label(change.sequence)}`,
    hazards: (change) => [
      hazard('data-loss', `drops sequence ${label(change.sequence)} and its current value`),
    ],
    drift: (change) => [{ object: 'sequence', name: label(change.sequence), state: 'missing' }],
    authored: asWritten,
  },
  'alter-sequence': {
    describe: (change) => `alter sequence ${label(change.to)}`,
    hazards: noHazards,
    drift: (change) => [
      {
        object: 'sequence',
        name: label(change.to),
        state: 'changed',
        detail: `${sequenceDifferences(change.from, change.to)} changed`,
      },
    ],
    authored: asWritten,
  },
  'rename-sequence': {
    describe: (change) => `rename sequence ${tableLabel(change.schema, change.from)} to ${change.to}`,
    hazards: noHazards,
    drift: (change) => [renamedDraft('sequence', change.schema, change.from, change.to)],
    authored: asWritten,
  },
  'set-sequence-owner': {
    describe: (change) => `set owner of sequence ${label(change.sequence)}`,
    hazards: noHazards,
    drift: (change) => [
      { object: 'sequence', name: label(change.sequence), state: 'changed', detail: 'owner changed' },
    ],
    authored: asWritten,
  },
}
