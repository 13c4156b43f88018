import type { GrantObjectKind } from '../../model/types.js'
import { tableLabel } from '../renames.js'
import type { DriftDraft } from './drift-drafts.js'
import { asWritten, type FamilyEntries } from './kind-entry.js'
import { hazard, label } from './words.js'

/** What a GRANT or REVOKE is on: a schema, a table or view, a sequence, a routine (by its argument types). */
export interface GrantTarget {
  readonly on: GrantObjectKind
  readonly schema: string
  readonly name: string
}

/** One privilege of a GRANT or REVOKE, on the whole object (`columns` empty) or on these columns. */
export interface GrantedPrivilege {
  readonly privilege: string
  readonly columns: readonly string[]
}

/** GRANT and REVOKE, one role and one object each. */
export type GrantChange =
  | {
      readonly kind: 'grant'
      readonly target: GrantTarget
      readonly grantee: string
      readonly privileges: readonly GrantedPrivilege[]
      readonly withGrantOption: boolean
    }
  | {
      /** `grantOptionOnly`: REVOKE GRANT OPTION FOR, the privileges themselves stay. */
      readonly kind: 'revoke'
      readonly target: GrantTarget
      readonly grantee: string
      readonly privileges: readonly GrantedPrivilege[]
      readonly grantOptionOnly: boolean
    }

/** `SELECT, UPDATE (nickname) on table users`: the privileges of a GRANT or REVOKE and their object. */
export function grantText(change: { target: GrantTarget; privileges: readonly GrantedPrivilege[] }): string {
  const privileges = change.privileges
    .map((p) => (p.columns.length === 0 ? p.privilege : `${p.privilege} (${p.columns.join(', ')})`))
    .join(', ')
  const { on, schema, name } = change.target
  return `${privileges} on ${on} ${on === 'schema' ? name : tableLabel(schema, name)}`
}

export const granteeLabel = (role: string): string => (role === 'public' ? 'PUBLIC' : role)

/**
 * `grant SELECT on table notes to app: granted outside migrations`. A grant on a table that is
 * itself added or missing is not listed again.
 */
function grantDraft(change: GrantChange): DriftDraft {
  const granted = change.kind === 'grant'
  const role = granteeLabel(change.grantee)
  return {
    object: 'grant',
    name: granted
      ? `${grantText(change)} to ${role}${change.withGrantOption ? ' with grant option' : ''}`
      : `${change.grantOptionOnly ? 'grant option for ' : ''}${grantText(change)} from ${role}`,
    state: granted ? 'added' : 'missing',
    detail: `${granted ? 'granted' : 'revoked'} outside migrations`,
    owner:
      change.target.on === 'table'
        ? label({ schema: change.target.schema, name: change.target.name })
        : undefined,
  }
}

export const grantKinds: FamilyEntries<GrantChange> = {
  grant: {
    describe: (change) =>
      `grant ${grantText(change)} to ${granteeLabel(change.grantee)}${change.withGrantOption ? ' with grant option' : ''}`,
    hazards: (change) =>
      change.grantee === 'public'
        ? [hazard('security', `grants ${grantText(change)} to PUBLIC: every role gets it`)]
        : [],
    drift: (change) => [grantDraft(change)],
    authored: asWritten,
  },
  revoke: {
    describe: (change) =>
      `revoke ${change.grantOptionOnly ? 'grant option for ' : ''}${grantText(change)} from ${granteeLabel(change.grantee)}`,
    hazards: (change) => [
      hazard(
        'breaking',
        change.grantOptionOnly
          ? `revokes the grant option for ${grantText(change)} from ${granteeLabel(change.grantee)}: the grants it made go too`
          : `revokes ${grantText(change)} from ${granteeLabel(change.grantee)}: what runs as that role and uses it fails`,
      ),
    ],
    drift: (change) => [grantDraft(change)],
    authored: asWritten,
  },
}
