import type { KeptAsWrittenChange } from '../../../../diff/families/kept-as-written.js'
import type { FamilyRenderers } from '../family-renderers.js'
import {
  renderCreateDefinedObject,
  renderDefinedObjectComment,
  renderDropDefinedObject,
} from '../render-defined-objects.js'

export const keptAsWrittenRenderers: FamilyRenderers<KeptAsWrittenChange> = {
  'create-aggregate': renderCreateDefinedObject,
  'drop-aggregate': renderDropDefinedObject,
  'set-aggregate-comment': renderDefinedObjectComment,
  'create-range-type': renderCreateDefinedObject,
  'drop-range-type': renderDropDefinedObject,
  'set-range-type-comment': renderDefinedObjectComment,
  'create-rule': renderCreateDefinedObject,
  'drop-rule': renderDropDefinedObject,
  'set-rule-comment': renderDefinedObjectComment,
  'create-cast': renderCreateDefinedObject,
  'drop-cast': renderDropDefinedObject,
  'set-cast-comment': renderDefinedObjectComment,
  'create-publication': renderCreateDefinedObject,
  'drop-publication': renderDropDefinedObject,
  'set-publication-comment': renderDefinedObjectComment,
  'create-statistics': renderCreateDefinedObject,
  'drop-statistics': renderDropDefinedObject,
  'set-statistics-comment': renderDefinedObjectComment,
}
