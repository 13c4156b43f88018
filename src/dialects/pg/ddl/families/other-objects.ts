import type { OtherObjectChange } from '../../../../diff/families/other-objects.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { commentOnOther, createOther, dropOther } from '../render-others.js'

export const otherObjectRenderers: FamilyRenderers<OtherObjectChange> = {
  // Replaced in place, a routine keeps its comment; a changed one comes as a change of its own.
  'create-other': (change) =>
    change.replaces ? [createOther(change.object)[0]!] : createOther(change.object),
  'drop-other': (change) => [dropOther(change.object)],
  'set-other-comment': (change) => [commentOnOther(change.object, change.to)],
}
