import type { GrantChange } from '../../../../diff/families/grants.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { renderGrantChange } from '../render-grants.js'

export const grantRenderers: FamilyRenderers<GrantChange> = {
  grant: (change) => [renderGrantChange(change)],
  revoke: (change) => [renderGrantChange(change)],
}
