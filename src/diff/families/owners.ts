import type { OwnedObject } from '../../model/owners.js'
import type { DriftDraft } from './drift-drafts.js'
import { asWritten, type DriftContext, type FamilyEntries } from './kind-entry.js'
import { hazard, label } from './words.js'

/**
 * ALTER ... OWNER TO. `null` is the role that applies the migrations (the owner a migration's
 * CREATE gives an object): rendered as CURRENT_USER, the role running the statement.
 */
export type OwnerChange = {
  readonly kind: 'change-owner'
  readonly target: OwnedObject
  readonly from: string | null
  readonly to: string | null
}

/** `table users`, `schema reporting`, `function touch(integer)`. */
export function ownedObjectText(target: OwnedObject): string {
  return `${target.on} ${target.on === 'schema' ? target.name : label(target)}`
}

const roleText = (role: string | null): string => role ?? 'the role that applies migrations'

/**
 * `table posts: owner changed to auditor outside migrations; auditor bypasses its row-level
 * security, which is enabled and not forced`. The owner of a table is exempt from its policies
 * unless FORCE ROW LEVEL SECURITY says otherwise, which is what makes an owner change matter most.
 */
function ownerDraft(change: OwnerChange, context: DriftContext): DriftDraft {
  const { on, schema, name } = change.target
  const changed =
    change.from === null
      ? `owner changed to ${change.to} outside migrations`
      : `owner changed outside migrations from ${change.from} to ${change.to ?? 'the role that applies them'}`
  const table =
    on === 'table' ? context.live.tables.find((t) => t.schema === schema && t.name === name) : undefined
  const bypass =
    change.to !== null && table?.rowLevelSecurity.enabled === true && !table.rowLevelSecurity.forced
      ? `; ${change.to} bypasses its row-level security, which is enabled and not forced`
      : ''
  return {
    object: on,
    name: on === 'schema' ? name : label(change.target),
    state: 'changed',
    detail: `${changed}${bypass}`,
    owner: on === 'table' ? label(change.target) : undefined,
  }
}

export const ownerKinds: FamilyEntries<OwnerChange> = {
  'change-owner': {
    describe: (change) => `change the owner of ${ownedObjectText(change.target)} to ${roleText(change.to)}`,
    hazards: (change) =>
      change.to === null
        ? [
            hazard(
              'breaking',
              `takes ${ownedObjectText(change.target)} from ${change.from}: what runs as ${change.from} loses the owner's privileges on it`,
            ),
          ]
        : [
            hazard(
              'security',
              `gives ${ownedObjectText(change.target)} to ${change.to}, which then holds every privilege on it${change.target.on === 'table' ? ' and bypasses its row-level security unless it is forced' : ''}`,
            ),
          ],
    drift: (change, context) => [ownerDraft(change, context)],
    authored: asWritten,
  },
}
