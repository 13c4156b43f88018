import type { PartitionOfModel, PolicyModel, ReplicaIdentityModel, TriggerState } from '../model/types.js'
import { assertNever } from '../util/assert-never.js'
import type { ChangeBody, GrantedPrivilege, GrantTarget, ObjectRef } from './changes.js'
import { tableLabel } from './renames.js'

const label = (ref: ObjectRef): string => tableLabel(ref.schema, ref.name)

/** One line a person reads in a migration's header or the CLI's output: `add column users.bio`. */
export function describeChange(change: ChangeBody): string {
  switch (change.kind) {
    case 'create-schema':
      return `create schema ${change.schema}`
    case 'drop-schema':
      return `drop schema ${change.schema}`
    case 'create-other':
      return `${change.replaces ? 'replace' : 'create'} ${change.object.kind} ${otherLabel(change.object)}`
    case 'drop-other':
      return `drop ${change.object.kind} ${otherLabel(change.object)}`
    case 'create-enum':
      return `create enum ${label(change.enum)}`
    case 'drop-enum':
      return `drop enum ${label(change.enum)}`
    case 'add-enum-value':
      return `add value '${change.value}' to enum ${label(change.enum)}`
    case 'replace-enum':
      return `replace enum ${label(change.to)} with (${change.to.values.map((v) => `'${v}'`).join(', ')})`
    case 'move-enum-columns':
      return `move the columns of enum ${label(change.enum)} to its new labels`
    case 'create-domain':
      return `create domain ${label(change.domain)}`
    case 'drop-domain':
      return `drop domain ${label(change.domain)}`
    case 'set-domain-default':
      return `${change.to === null ? 'drop' : 'set'} default of domain ${label(change.domain)}`
    case 'set-domain-not-null':
      return `${change.notNull ? 'set' : 'drop'} not null on domain ${label(change.domain)}`
    case 'add-domain-check':
      return `add check ${change.check.name} to domain ${label(change.domain)}${change.validated ? '' : ' (NOT VALID: values inside arrays and composite types are not checked)'}`
    case 'drop-domain-check':
      return `drop check ${change.check.name} of domain ${label(change.domain)}`
    case 'detach-type':
      return `${change.recreated ? 'detach' : 'drop'} ${change.type.kind} ${label(change.type.model)}${change.recreated ? ' from its columns to rebuild it' : ''}`
    case 'replace-domain':
      return `rebuild domain ${label(change.to)} as ${change.to.type}`
    case 'set-domain-comment':
      return `${commentVerb(change)} comment on domain ${label(change.domain)}`
    case 'create-composite-type':
      return `create composite type ${label(change.type)}`
    case 'drop-composite-type':
      return `drop composite type ${label(change.type)}`
    case 'add-composite-attribute':
      return `add attribute ${change.attribute.name} to composite type ${label(change.type)}`
    case 'drop-composite-attribute':
      return `drop attribute ${change.attribute.name} of composite type ${label(change.type)}`
    case 'alter-composite-attribute':
      return `change type of attribute ${change.to.name} of composite type ${label(change.type)} to ${change.to.type}`
    case 'replace-composite-type':
      return `rebuild composite type ${label(change.to)} with (${change.to.attributes.map((a) => a.name).join(', ')})`
    case 'set-composite-type-comment':
      return `${commentVerb(change)} comment on composite type ${label(change.type)}`
    case 'create-sequence':
      return `create sequence ${label(change.sequence)}`
    case 'drop-sequence':
      return `drop sequence ${label(change.sequence)}`
    case 'alter-sequence':
      return `alter sequence ${label(change.to)}`
    case 'rename-sequence':
      return `rename sequence ${tableLabel(change.schema, change.from)} to ${change.to}`
    case 'set-sequence-owner':
      return `set owner of sequence ${label(change.sequence)}`
    case 'create-table':
    case 'drop-table': {
      const verb = change.kind === 'create-table' ? 'create' : 'drop'
      const of = change.table.partitionOf
      return of === null
        ? `${verb} table ${label(change.table)}`
        : `${verb} partition ${label(change.table)} of ${partitionParent(of)}`
    }
    case 'rename-table':
      return `rename table ${tableLabel(change.schema, change.from)} to ${change.to}`
    case 'add-column':
      return `add column ${label(change.table)}.${change.column.name}`
    case 'drop-column':
      return `drop column ${label(change.table)}.${change.column.name}`
    case 'rename-column':
      return `rename column ${label(change.table)}.${change.from} to ${change.to}`
    case 'alter-column-type': {
      const column = `${label(change.table)}.${change.to.name}`
      if (change.from.type === change.to.type && change.from.dimensions === change.to.dimensions)
        return `change collation of ${column} to ${change.to.collation ?? 'the default'}`
      return `change type of ${column} from ${change.from.type} to ${change.to.type}`
    }
    case 'set-column-default':
      return `${change.default === null ? 'drop' : 'set'} default of ${label(change.table)}.${change.column}`
    case 'set-column-not-null':
      return `${change.notNull ? 'set' : 'drop'} not null on ${label(change.table)}.${change.column}`
    case 'add-identity':
      return `make ${label(change.table)}.${change.column} an identity column`
    case 'drop-identity':
      return `drop identity of ${label(change.table)}.${change.column}`
    case 'alter-identity':
      return `alter identity of ${label(change.table)}.${change.column}`
    case 'drop-generated':
      return `stop generating ${label(change.table)}.${change.column}`
    case 'add-primary-key':
      return `add primary key ${change.primaryKey.name} on ${label(change.table)}`
    case 'drop-primary-key':
      return `drop primary key ${change.primaryKey.name} on ${label(change.table)}`
    case 'add-unique':
      return `add unique ${change.unique.name} on ${label(change.table)}`
    case 'drop-unique':
      return `drop unique ${change.unique.name} on ${label(change.table)}`
    case 'add-check':
      return `add check ${change.check.name} on ${label(change.table)}`
    case 'drop-check':
      return `drop check ${change.check.name} on ${label(change.table)}`
    case 'add-foreign-key':
      return `add foreign key ${change.foreignKey.name} on ${label(change.table)}`
    case 'drop-foreign-key':
      return `drop foreign key ${change.foreignKey.name} on ${label(change.table)}`
    case 'rename-constraint':
      return `rename constraint ${change.from} on ${label(change.table)} to ${change.to}`
    case 'create-index':
      return `create index ${change.index.name} on ${label(change.table)}`
    case 'drop-index':
      return `drop index ${change.index.name} on ${label(change.table)}`
    case 'rename-index':
      return `rename index ${change.from} to ${change.to}`
    case 'create-view':
      return `create ${change.view.materialized ? 'materialized view' : 'view'} ${label(change.view)}`
    case 'drop-view':
      return `drop ${change.view.materialized ? 'materialized view' : 'view'} ${label(change.view)}`
    case 'create-view-index':
      return `create index ${change.index.name} on materialized view ${label(change.view)}`
    case 'drop-view-index':
      return `drop index ${change.index.name} on materialized view ${label(change.view)}`
    case 'set-table-comment':
      return `${commentVerb(change)} comment on table ${label(change.table)}`
    case 'set-column-comment':
      return `${commentVerb(change)} comment on column ${label(change.table)}.${change.column}`
    case 'set-view-comment':
      return `${commentVerb(change)} comment on ${change.materialized ? 'materialized view' : 'view'} ${label(change.view)}`
    case 'set-storage-parameters':
      return `set storage parameters of ${change.target} ${label(change.relation)}`
    case 'set-unlogged':
      return `make table ${label(change.table)} ${change.unlogged ? 'unlogged' : 'logged'}`
    case 'set-replica-identity':
      return `set replica identity of ${label(change.table)} to ${replicaIdentityText(change.to)}`
    case 'set-row-level-security':
      return `${rowLevelSecurityVerb(change.flag, change.to)} row-level security on ${label(change.table)}`
    case 'create-policy':
      return `create policy ${change.policy.name} on ${label(change.table)}`
    case 'drop-policy':
      return `drop policy ${change.policy.name} on ${label(change.table)}`
    case 'alter-policy':
      return `alter policy ${change.to.name} on ${label(change.table)} (${policyChanges(change.from, change.to).join(', ')})`
    case 'set-enum-comment':
      return `${commentVerb(change)} comment on enum ${label(change.enum)}`
    case 'set-other-comment':
      return `${commentVerb(change)} comment on ${change.object.kind} ${otherLabel(change.object)}`
    case 'set-trigger-state':
      return `${TRIGGER_STATE_VERBS[change.to]} trigger ${otherLabel(change.object)}`
    case 'detach-partition':
      return `detach partition ${label(change.table)} from ${partitionParent(change.partitionOf)}`
    case 'attach-partition':
      return `attach partition ${label(change.table)} to ${partitionParent(change.partitionOf)} (${change.partitionOf.bound})`
    case 'grant':
      return `grant ${grantText(change)} to ${granteeLabel(change.grantee)}${change.withGrantOption ? ' with grant option' : ''}`
    case 'revoke':
      return `revoke ${change.grantOptionOnly ? 'grant option for ' : ''}${grantText(change)} from ${granteeLabel(change.grantee)}`
    default:
      return assertNever(change)
  }
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

/** What ALTER POLICY changes, as check and generate name it: `roles`, `USING`, `WITH CHECK`. */
export function policyChanges(from: PolicyModel, to: PolicyModel): string[] {
  const parts: string[] = []
  if (from.roles.join('\u0000') !== to.roles.join('\u0000')) parts.push('roles')
  if (from.using !== to.using) parts.push('USING')
  if (from.withCheck !== to.withCheck) parts.push('WITH CHECK')
  return parts
}

const partitionParent = (of: PartitionOfModel): string => tableLabel(of.schema, of.table)

function rowLevelSecurityVerb(flag: 'enabled' | 'forced', to: boolean): string {
  if (flag === 'enabled') return to ? 'enable' : 'disable'
  return to ? 'force' : 'stop forcing'
}

const TRIGGER_STATE_VERBS: Record<TriggerState, string> = {
  origin: 'enable',
  always: 'enable always',
  replica: 'enable for replicas only',
  disabled: 'disable',
}

function commentVerb(change: { from: string | null; to: string | null }): string {
  return change.to === null ? 'remove' : change.from === null ? 'set' : 'change'
}

function otherLabel(object: { schema: string; name: string; table: string | null }): string {
  const name = object.table === null ? object.name : `${object.name} on ${object.table}`
  return object.schema === 'public' ? name : `${object.schema}.${name}`
}

/** `default`, `full`, `nothing`, `index orders_code_key`. */
export function replicaIdentityText(identity: ReplicaIdentityModel): string {
  return identity.kind === 'index' ? `index ${identity.index}` : identity.kind
}
