import type { TriggerChange } from '../../../../diff/families/triggers.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { setTriggerState } from '../render-others.js'

export const triggerRenderers: FamilyRenderers<TriggerChange> = {
  'set-trigger-state': (change) => [setTriggerState(change.object, change.to)],
}
