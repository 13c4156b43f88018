import type { PolicyChange } from '../../../../diff/families/policies.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { commentOn, policyComments, policyTarget } from '../render-comments.js'
import { alterPolicy, createPolicy, dropPolicy } from '../render-policies.js'
import { setRowLevelSecurity } from '../render-row-level-security.js'

export const policyRenderers: FamilyRenderers<PolicyChange> = {
  'set-row-level-security': (change) => [setRowLevelSecurity(change.table, change.flag, change.to)],
  'create-policy': (change) => [
    createPolicy(change.table, change.policy),
    ...policyComments(change.table, change.policy),
  ],
  'drop-policy': (change) => [dropPolicy(change.table, change.policy)],
  'alter-policy': (change) => alterPolicy(change.table, change.from, change.to),
  'set-policy-comment': (change) => [commentOn(policyTarget(change.table, change.policy), change.to)],
}
