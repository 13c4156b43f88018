import type { OtherObjectModel, TriggerState } from '../../model/types.js'
import { otherName } from './drift-drafts.js'
import { asWritten, type FamilyEntries } from './kind-entry.js'
import { otherLabel } from './other-objects.js'
import { hazard } from './words.js'

/** Whether a trigger fires (it is created and dropped as one of the other objects). */
export type TriggerChange =
  /** ALTER TABLE ... ENABLE [ALWAYS | REPLICA] / DISABLE TRIGGER. */
  {
    readonly kind: 'set-trigger-state'
    readonly object: OtherObjectModel
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
  'set-trigger-state': {
    describe: (change) => `${TRIGGER_STATE_VERBS[change.to]} trigger ${otherLabel(change.object)}`,
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
        name: otherName(change.object),
        state: 'changed',
        detail: `${TRIGGER_STATE_WORDS[change.to]} outside migrations`,
      },
    ],
    authored: asWritten,
  },
}
