import type { TriggerChange } from '../../../../diff/families/triggers.js'
import type { FamilyRenderers } from '../family-renderers.js'
import {
  renderCreateDefinedObject,
  renderDefinedObjectComment,
  renderDropDefinedObject,
  setTriggerState,
} from '../render-defined-objects.js'

export const triggerRenderers: FamilyRenderers<TriggerChange> = {
  'create-trigger': renderCreateDefinedObject,
  'drop-trigger': renderDropDefinedObject,
  'set-trigger-comment': renderDefinedObjectComment,
  'set-trigger-state': (change) => [setTriggerState(change.object, change.to)],
}
