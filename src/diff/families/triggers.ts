import type { DefinedObjectModel, TriggerState } from '../../model/types.js'
import {
  type CreateDefinedObject,
  commentEntry,
  createEntry,
  type DropDefinedObject,
  definedObjectLabel,
  dropEntry,
  type SetDefinedObjectComment,
} from './defined-object-changes.js'
import { definedObjectName } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { hazard } from './words.js'

/** Triggers, kept as their statement (CREATE TRIGGER carries the table), and whether they fire. */
export type TriggerChange =
  | CreateDefinedObject<'create-trigger'>
  | DropDefinedObject<'drop-trigger'>
  | SetDefinedObjectComment<'set-trigger-comment'>
  /** ALTER TABLE ... ENABLE [ALWAYS | REPLICA] / DISABLE TRIGGER. */
  | {
      readonly kind: 'set-trigger-state'
      readonly object: DefinedObjectModel
      readonly from: TriggerState
      readonly to: TriggerState
    }

const TRIGGER_STATE_VERBS: Record<TriggerState, string> = {
  origin: 'enable',
  always: 'enable always',
  replica: 'enable for replicas only',
  disabled: 'disable',
}

const TRIGGER_STATE_WORDS: Record<TriggerState, string> = {
  origin: 'enabled',
  always: 'enabled always',
  replica: 'enabled for replicas only',
  disabled: 'disabled',
}

export const triggerKinds: FamilyEntries<TriggerChange> = {
  'create-trigger': createEntry(),
  // A trigger goes with no caller to break.
  'drop-trigger': dropEntry(noHazards),
  'set-trigger-comment': commentEntry(),
  'set-trigger-state': {
    describe: (change) => `${TRIGGER_STATE_VERBS[change.to]} trigger ${definedObjectLabel(change.object)}`,
    hazards: (change) =>
      change.to === 'disabled' || change.to === 'replica'
        ? [
            hazard(
              'breaking',
              `stops trigger ${change.object.name} on ${change.object.table} from firing in normal sessions`,
            ),
          ]
        : [],
    drift: (change) => [
      {
        object: 'trigger',
        name: definedObjectName(change.object),
        state: 'changed',
        detail: `${TRIGGER_STATE_WORDS[change.to]} outside migrations`,
      },
    ],
    authored: asWritten,
  },
}
