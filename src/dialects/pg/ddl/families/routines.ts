import type { RoutineChange } from '../../../../diff/families/routines.js'
import type { FamilyRenderers } from '../family-renderers.js'
import {
  renderCreateDefinedObject,
  renderDefinedObjectComment,
  renderDropDefinedObject,
} from '../render-defined-objects.js'

export const routineRenderers: FamilyRenderers<RoutineChange> = {
  'create-function': renderCreateDefinedObject,
  'drop-function': renderDropDefinedObject,
  'set-function-comment': renderDefinedObjectComment,
  'create-procedure': renderCreateDefinedObject,
  'drop-procedure': renderDropDefinedObject,
  'set-procedure-comment': renderDefinedObjectComment,
}
