import type { PolicyModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import { commentDrafts, onTableDraft, ROW_LEVEL_SECURITY } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { commentVerb, hazard, label } from './words.js'

/** Row-level security: a table's two flags and its policies. */
export type PolicyChange =
  /** ALTER TABLE ... ENABLE / DISABLE (`enabled`) or FORCE / NO FORCE (`forced`) ROW LEVEL SECURITY. */
  | {
      readonly kind: 'set-row-level-security'
      readonly table: ObjectRef
      readonly flag: 'enabled' | 'forced'
      readonly to: boolean
    }
  /** CREATE POLICY; on a created table, after every table exists (an expression may read another). */
  | { readonly kind: 'create-policy'; readonly table: ObjectRef; readonly policy: PolicyModel }
  /** DROP POLICY; `recreated` when a policy of that name is created again by the same plan. */
  | {
      readonly kind: 'drop-policy'
      readonly table: ObjectRef
      readonly policy: PolicyModel
      readonly recreated: boolean
    }
  /** ALTER POLICY ... TO / USING / WITH CHECK for what differs. */
  | {
      readonly kind: 'alter-policy'
      readonly table: ObjectRef
      readonly from: PolicyModel
      readonly to: PolicyModel
    }
  /**
   * COMMENT ON POLICY, for a policy that stays (altered or not): `to` null removes the comment. A
   * policy created by the plan carries its comment in its create change.
   */
  | {
      readonly kind: 'set-policy-comment'
      readonly table: ObjectRef
      readonly policy: string
      readonly from: string | null
      readonly to: string | null
    }

/** What ALTER POLICY changes, as check and generate name it: `roles`, `USING`, `WITH CHECK`. */
export function policyChanges(from: PolicyModel, to: PolicyModel): string[] {
  const parts: string[] = []
  if (from.roles.join('\u0000') !== to.roles.join('\u0000')) parts.push('roles')
  if (from.using !== to.using) parts.push('USING')
  if (from.withCheck !== to.withCheck) parts.push('WITH CHECK')
  return parts
}

function rowLevelSecurityVerb(flag: 'enabled' | 'forced', to: boolean): string {
  if (flag === 'enabled') return to ? 'enable' : 'disable'
  return to ? 'force' : 'stop forcing'
}

export const policyKinds: FamilyEntries<PolicyChange> = {
  'set-row-level-security': {
    describe: (change) =>
      `${rowLevelSecurityVerb(change.flag, change.to)} row-level security on ${label(change.table)}`,
    hazards: (change) => {
      if (change.to) return []
      return [
        hazard(
          'security',
          change.flag === 'enabled'
            ? `disables row-level security on ${label(change.table)}: its policies no longer apply, every role with table privileges reaches every row`
            : `stops forcing row-level security on ${label(change.table)}: its owner is no longer bound by its policies`,
        ),
      ]
    },
    drift: (change) => {
      const words = change.flag === 'enabled' ? ['enabled', 'disabled'] : ['forced', 'no longer forced']
      const detail = `${change.to ? words[0] : words[1]} outside migrations`
      return [
        {
          object: ROW_LEVEL_SECURITY,
          name: label(change.table),
          state: 'changed',
          detail,
          owner: label(change.table),
        },
      ]
    },
    authored: asWritten,
  },
  'create-policy': {
    describe: (change) => `create policy ${change.policy.name} on ${label(change.table)}`,
    hazards: noHazards,
    drift: (change) => onTableDraft('policy', change.table, change.policy.name, 'added'),
    authored: (change, source) => {
      const written = source.table(change.table)?.policies.find((p) => p.name === change.policy.name)
      if (written === undefined) return change
      return { ...change, policy: { ...change.policy, using: written.using, withCheck: written.withCheck } }
    },
  },
  'drop-policy': {
    describe: (change) => `drop policy ${change.policy.name} on ${label(change.table)}`,
    hazards: (change) => {
      if (change.recreated) return []
      const what = `drops policy ${change.policy.name} on ${label(change.table)}`
      return [
        hazard(
          'security',
          change.policy.permissive
            ? `${what}: the rows it let through are no longer reachable through it`
            : `${what}: the rows it held back become reachable through the other policies`,
        ),
      ]
    },
    drift: (change) => onTableDraft('policy', change.table, change.policy.name, 'missing'),
    authored: asWritten,
  },
  'alter-policy': {
    describe: (change) =>
      `alter policy ${change.to.name} on ${label(change.table)} (${policyChanges(change.from, change.to).join(', ')})`,
    hazards: noHazards,
    drift: (change) => [
      {
        ...onTableDraft('policy', change.table, change.to.name, 'changed')[0]!,
        detail: `${policyChanges(change.from, change.to).join(' and ')} changed`,
      },
    ],
    authored: (change, source) => {
      const written = source.table(change.table)?.policies.find((p) => p.name === change.to.name)
      if (written === undefined) return change
      // Only what changes takes the authored text: an equal expression must stay equal to `from`.
      const to = {
        ...change.to,
        using: change.to.using === change.from.using ? change.to.using : written.using,
        withCheck: change.to.withCheck === change.from.withCheck ? change.to.withCheck : written.withCheck,
      }
      return { ...change, to }
    },
  },
  'set-policy-comment': {
    describe: (change) =>
      `${commentVerb(change)} comment on policy ${change.policy} on ${label(change.table)}`,
    hazards: noHazards,
    drift: (change) =>
      commentDrafts(
        'policy',
        `${change.policy} on ${label(change.table)}`,
        change.from,
        change.to,
        label(change.table),
      ),
    authored: asWritten,
  },
}
