import type { ExtensionChange } from '../../../../diff/families/extensions.js'
import type { FamilyRenderers } from '../family-renderers.js'
import {
  renderCreateDefinedObject,
  renderDefinedObjectComment,
  renderDropDefinedObject,
} from '../render-defined-objects.js'

export const extensionRenderers: FamilyRenderers<ExtensionChange> = {
  'create-extension': renderCreateDefinedObject,
  'drop-extension': renderDropDefinedObject,
  'set-extension-comment': renderDefinedObjectComment,
}
