import type { ChangeBody, ObjectRef } from '../../diff/changes.js'
import { granteeLabel, grantText, policyChanges, replicaIdentityText } from '../../diff/describe.js'
import { deepEqual } from '../../diff/equal.js'
import { tableLabel } from '../../diff/renames.js'
import type {
  ColumnModel,
  IdentityModel,
  PartitionOfModel,
  SchemaModel,
  SequenceModel,
  StorageParameterModel,
  TriggerState,
} from '../../model/types.js'
import { assertNever } from '../../util/assert-never.js'
import { typeDrafts } from './type-drift.js'

/** How an object of the live database differs from what its migrations build. */
export type DriftState = 'added' | 'missing' | 'changed' | 'renamed'

/** One difference between the live database and its migrations, in words. */
export interface DriftFinding {
  /** `table`, `column`, `index`, `primary key`, `unique constraint`, `enum`, `comment on column`, `function`, `grant`, ... */
  readonly object: string
  /** `users.nickname`, `posts_created_at_idx on posts`, `auth.touch()`, a table for `row-level security` ... */
  readonly name: string
  readonly state: DriftState
  /** One line: `column users.nickname: added outside migrations`. */
  readonly message: string
}

interface Draft {
  readonly object: string
  readonly name: string
  readonly state: DriftState
  readonly detail?: string | undefined
  /** The table a column, key or index belongs to. */
  readonly owner?: string | undefined
}

// A state of a table rather than an object: `row-level security on sessions: disabled outside migrations`.
const ROW_LEVEL_SECURITY = 'row-level security'

const WORDS: Record<DriftState, string> = {
  added: 'added outside migrations',
  missing: 'missing',
  changed: 'changed',
  renamed: 'renamed',
}

/**
 * Words the changes that lead from what the migrations build (`expected`) to the live database:
 * each change is something done by hand. An object dropped and created again, or replaced, is one
 * finding, "changed", and none at all when its definition is in fact the same on both sides (the
 * differ rebuilds a view over a table it alters); the parts of a table that is itself added or
 * missing are not listed again.
 */
export function driftFindings(
  changes: readonly ChangeBody[],
  expected: SchemaModel,
  live: SchemaModel,
): DriftFinding[] {
  const drafts = settleDefaults(changes).flatMap((change) => draftsOf(change, expected, live))
  const wholeTables = new Set([
    ...drafts.filter((d) => isTable(d) && d.state !== 'changed').map((d) => d.owner ?? d.name),
    ...wholeViews(drafts),
  ])
  // Pairs of a drop and a create of one object merge into "changed"; distinct changes stay apart.
  const merged = new Map<string, Draft>()
  for (const draft of drafts) {
    if (!isTable(draft) && wholeTables.has(draft.owner ?? '')) continue
    const key = objectKey(draft.object, draft.name)
    const seen = merged.get(key)
    if (seen === undefined) merged.set(key, draft)
    else if (seen.state !== 'changed' && draft.state !== 'changed' && seen.state !== draft.state) {
      merged.set(key, { ...seen, state: 'changed', detail: 'definition changed' })
    } else merged.set(`${key}\u0000${merged.size}`, draft)
  }
  const before = definitions(expected)
  const after = definitions(live)
  for (const [key, draft] of merged) {
    const replaced =
      draft.state === 'added' || draft.state === 'missing' || draft.detail === 'definition changed'
    const [was, is] = [before.get(key), after.get(key)]
    if (!replaced || was === undefined || is === undefined) continue
    if (deepEqual(was, is)) merged.delete(key)
    else merged.set(key, { ...draft, state: 'changed', detail: 'definition changed' })
  }
  // By name, so the parts of one table read together (`users.email`, `users_email_key on users`).
  const sorted = [...merged.values()].sort(
    (a, b) => compareText(a.name, b.name) || compareText(a.object, b.object),
  )
  return sorted.map(({ object, name, state, detail }) => ({
    object,
    name,
    state,
    message: `${object}${object === ROW_LEVEL_SECURITY ? ' on ' : ' '}${name}: ${detail ?? WORDS[state]}`,
  }))
}

/**
 * Materialized views added or missing as a whole, not rebuilt (a drop and a create of the same view):
 * their indexes are part of them.
 */
function wholeViews(drafts: readonly Draft[]): string[] {
  const states = new Map<string, Set<DriftState>>()
  for (const d of drafts) {
    if (d.object !== 'materialized view') continue
    const seen = states.get(d.name) ?? new Set()
    seen.add(d.state)
    states.set(d.name, seen)
  }
  return [...states].filter(([, seen]) => seen.size === 1 && !seen.has('changed')).map(([name]) => name)
}

/**
 * The differ drops a default and sets it again around a type change, so a column may have several
 * default changes: only the last one says what the live default is. It is kept in the place of the
 * first, and left out when the default is in fact unchanged.
 */
function settleDefaults(changes: readonly ChangeBody[]): ChangeBody[] {
  const last = new Map<string, ChangeBody & { kind: 'set-column-default' }>()
  for (const change of changes) {
    if (change.kind === 'set-column-default') last.set(columnKey(change), change)
  }
  const placed = new Set<string>()
  const settled: ChangeBody[] = []
  for (const change of changes) {
    if (change.kind !== 'set-column-default') settled.push(change)
    else if (!placed.has(columnKey(change))) {
      placed.add(columnKey(change))
      settled.push(last.get(columnKey(change))!)
    }
  }
  return settled
}

const columnKey = (change: { table: ObjectRef; column: string }): string =>
  `${change.table.schema}.${change.table.name}.${change.column}`

function draftsOf(change: ChangeBody, expected: SchemaModel, live: SchemaModel): Draft[] {
  const column = (table: ObjectRef, name: string, state: DriftState, detail?: string): Draft[] => [
    { object: 'column', name: `${label(table)}.${name}`, state, detail, owner: label(table) },
  ]
  const onTable = (object: string, table: ObjectRef, name: string, state: DriftState): Draft[] => [
    { object, name: `${name} on ${label(table)}`, state, owner: label(table) },
  ]
  switch (change.kind) {
    case 'create-schema':
      return [{ object: 'schema', name: change.schema, state: 'added' }]
    case 'drop-schema':
      return [{ object: 'schema', name: change.schema, state: 'missing' }]
    case 'create-other':
    case 'drop-other': {
      const o = change.object
      if (change.kind === 'create-other' && change.replaces)
        return [{ object: o.kind, name: otherName(o), state: 'changed', detail: 'definition changed' }]
      return [
        { object: o.kind, name: otherName(o), state: change.kind === 'create-other' ? 'added' : 'missing' },
      ]
    }
    case 'set-other-comment':
      return commentDrafts(change.object.kind, otherName(change.object), change.from, change.to)
    case 'set-trigger-state':
      return [
        {
          object: 'trigger',
          name: otherName(change.object),
          state: 'changed',
          detail: `${TRIGGER_STATE_WORDS[change.to]} outside migrations`,
        },
      ]
    case 'create-enum':
      return [{ object: 'enum', name: label(change.enum), state: 'added' }]
    case 'drop-enum':
      return [{ object: 'enum', name: label(change.enum), state: 'missing' }]
    case 'add-enum-value':
      return [
        {
          object: 'enum',
          name: label(change.enum),
          state: 'changed',
          detail: `value '${change.value}' added`,
        },
      ]
    case 'replace-enum':
      return [
        {
          object: 'enum',
          name: label(change.to),
          state: 'changed',
          detail: `values changed from ${labels(change.from.values)} to ${labels(change.to.values)}`,
        },
        ...commentDrafts('enum', label(change.to), change.from.comment, change.to.comment),
      ]
    case 'move-enum-columns':
      return [] // The second half of replace-enum, already worded.
    case 'create-domain':
    case 'drop-domain':
    case 'set-domain-default':
    case 'set-domain-not-null':
    case 'add-domain-check':
    case 'drop-domain-check':
    case 'detach-type':
    case 'replace-domain':
    case 'set-domain-comment':
    case 'create-composite-type':
    case 'drop-composite-type':
    case 'add-composite-attribute':
    case 'drop-composite-attribute':
    case 'alter-composite-attribute':
    case 'replace-composite-type':
    case 'set-composite-type-comment':
      return typeDrafts(change, expected, live)
    case 'create-sequence':
      return [{ object: 'sequence', name: label(change.sequence), state: 'added' }]
    case 'drop-sequence':
      return [{ object: 'sequence', name: label(change.sequence), state: 'missing' }]
    case 'alter-sequence':
      return [
        {
          object: 'sequence',
          name: label(change.to),
          state: 'changed',
          detail: `${sequenceDifferences(change.from, change.to)} changed`,
        },
      ]
    case 'rename-sequence':
      return [renamed('sequence', change.schema, change.from, change.to)]
    case 'set-sequence-owner':
      return [{ object: 'sequence', name: label(change.sequence), state: 'changed', detail: 'owner changed' }]
    case 'create-table':
    case 'drop-table': {
      const state = change.kind === 'create-table' ? 'added' : 'missing'
      const of = change.table.partitionOf
      if (of === null) return [{ object: 'table', name: label(change.table), state }]
      return [partition(change.table, of, state)]
    }
    case 'detach-partition':
      // A partition detached and attached again is worded once, by its attach.
      return change.reattached
        ? []
        : [partition(change.table, change.partitionOf, 'changed', 'detached outside migrations')]
    case 'attach-partition': {
      const previous = change.previous
      const detail =
        previous === null
          ? 'attached outside migrations'
          : previous.schema === change.partitionOf.schema && previous.table === change.partitionOf.table
            ? 'bounds changed'
            : `moved from ${tableLabel(previous.schema, previous.table)}`
      return [partition(change.table, change.partitionOf, 'changed', detail)]
    }
    case 'rename-table':
      return [renamed('table', change.schema, change.from, change.to)]
    case 'add-column': {
      // A column dropped and added again (a generated one redefined) carries its comment along.
      const before = expectedColumn(expected, change.table, change.column.name)
      return [
        ...column(change.table, change.column.name, 'added'),
        ...(before === undefined
          ? []
          : commentDrafts(
              'column',
              `${label(change.table)}.${before.name}`,
              before.comment,
              change.column.comment,
              label(change.table),
            )),
      ]
    }
    case 'drop-column':
      return column(change.table, change.column.name, 'missing')
    case 'rename-column':
      return column(change.table, change.from, 'renamed', `renamed to ${change.to} outside migrations`)
    case 'alter-column-type':
      return column(change.table, change.to.name, 'changed', typeChanges(change.from, change.to))
    case 'set-column-default': {
      const before = expectedColumn(expected, change.table, change.column)?.default ?? null
      if (before === change.default) return []
      const detail =
        change.default === null
          ? `default removed (was ${before})`
          : before === null
            ? `default added (${change.default})`
            : `default changed from ${before} to ${change.default}`
      return column(change.table, change.column, 'changed', detail)
    }
    case 'set-column-not-null':
      return column(
        change.table,
        change.column,
        'changed',
        change.notNull ? 'NOT NULL added' : 'NOT NULL removed',
      )
    case 'add-identity':
      return column(
        change.table,
        change.column,
        'changed',
        `made an identity column (${change.identity.generation})`,
      )
    case 'drop-identity':
      return column(change.table, change.column, 'changed', 'no longer an identity column')
    case 'alter-identity':
      return column(
        change.table,
        change.column,
        'changed',
        `identity ${identityDifferences(change.from, change.to)} changed`,
      )
    case 'drop-generated':
      return column(change.table, change.column, 'changed', 'no longer generated')
    case 'add-primary-key':
      return onTable('primary key', change.table, change.primaryKey.name, 'added')
    case 'drop-primary-key':
      return onTable('primary key', change.table, change.primaryKey.name, 'missing')
    case 'add-unique':
      return onTable('unique constraint', change.table, change.unique.name, 'added')
    case 'drop-unique':
      return onTable('unique constraint', change.table, change.unique.name, 'missing')
    case 'add-check':
      return onTable('check constraint', change.table, change.check.name, 'added')
    case 'drop-check':
      return onTable('check constraint', change.table, change.check.name, 'missing')
    case 'add-foreign-key':
      return onTable('foreign key', change.table, change.foreignKey.name, 'added')
    case 'drop-foreign-key':
      return onTable('foreign key', change.table, change.foreignKey.name, 'missing')
    case 'rename-constraint':
      return [
        {
          object: 'constraint',
          name: `${change.from} on ${label(change.table)}`,
          state: 'renamed',
          detail: `renamed to ${change.to} outside migrations`,
          owner: label(change.table),
        },
      ]
    case 'create-index':
      return onTable('index', change.table, change.index.name, 'added')
    case 'drop-index':
      return onTable('index', change.table, change.index.name, 'missing')
    case 'rename-index':
      return [renamed('index', change.schema, change.from, change.to)]
    case 'create-view': {
      // A view rebuilt around a change to what it reads carries its comment along.
      const before = expected.views.find(
        (v) => v.schema === change.view.schema && v.name === change.view.name,
      )
      return [
        { object: viewKind(change.view), name: label(change.view), state: 'added' },
        ...(before === undefined
          ? []
          : commentDrafts(viewKind(change.view), label(change.view), before.comment, change.view.comment)),
      ]
    }
    case 'drop-view':
      return [{ object: viewKind(change.view), name: label(change.view), state: 'missing' }]
    case 'create-view-index':
      return [viewIndex(change.view, change.index.name, 'added')]
    case 'drop-view-index':
      return [viewIndex(change.view, change.index.name, 'missing')]
    case 'set-table-comment':
      return commentDrafts('table', label(change.table), change.from, change.to, label(change.table))
    case 'set-column-comment':
      return commentDrafts(
        'column',
        `${label(change.table)}.${change.column}`,
        change.from,
        change.to,
        label(change.table),
      )
    case 'set-view-comment':
      return commentDrafts(viewKind(change), label(change.view), change.from, change.to)
    case 'set-storage-parameters': {
      // An index is named like its other findings: `users_name_idx on users`.
      const on = change.on
      const onView = on !== null && expected.views.some((v) => v.schema === on.schema && v.name === on.name)
      const name =
        on === null
          ? label(change.relation)
          : onView
            ? viewIndex(on, change.relation.name, 'changed').name
            : `${change.relation.name} on ${label(on)}`
      const owner = label(on ?? change.relation)
      const detail = `storage parameters changed from ${parameterText(change.from)} to ${parameterText(change.to)}`
      return [{ object: change.target, name, state: 'changed', detail, owner }]
    }
    case 'set-unlogged':
      return [
        {
          object: 'table',
          name: label(change.table),
          state: 'changed',
          detail: `made ${change.unlogged ? 'unlogged' : 'logged'} outside migrations`,
          owner: label(change.table),
        },
      ]
    case 'set-replica-identity':
      return [
        {
          object: 'table',
          name: label(change.table),
          state: 'changed',
          detail: `replica identity changed from ${replicaIdentityText(change.from)} to ${replicaIdentityText(change.to)}`,
          owner: label(change.table),
        },
      ]
    case 'set-row-level-security': {
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
    }
    case 'create-policy':
      return onTable('policy', change.table, change.policy.name, 'added')
    case 'drop-policy':
      return onTable('policy', change.table, change.policy.name, 'missing')
    case 'alter-policy':
      return [
        {
          ...onTable('policy', change.table, change.to.name, 'changed')[0]!,
          detail: `${policyChanges(change.from, change.to).join(' and ')} changed`,
        },
      ]
    case 'set-enum-comment':
      return commentDrafts('enum', label(change.enum), change.from, change.to)
    case 'grant':
    case 'revoke':
      return [grantDraft(change)]
    default:
      return assertNever(change)
  }
}

/**
 * `grant SELECT on table notes to app: granted outside migrations`. A grant on a table that is
 * itself added or missing is not listed again.
 */
function grantDraft(change: ChangeBody & { kind: 'grant' | 'revoke' }): Draft {
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

/**
 * Each object's definition by the key its findings have, for the objects the differ may rebuild
 * or replace rather than alter: views, indexes, constraints and the objects the DSL does not model.
 */
function definitions(model: SchemaModel): Map<string, unknown> {
  const map = new Map<string, unknown>()
  const put = (object: string, name: string, value: unknown): void => {
    map.set(objectKey(object, name), value)
  }
  // A view's comment and indexes are worded apart from its definition.
  for (const view of model.views) {
    put(viewKind(view), label(view), { ...view, dependsOn: [], comment: null, indexes: [] })
    for (const index of view.indexes) put('index', viewIndex(view, index.name, 'added').name, index)
  }
  for (const table of model.tables) {
    const on = (name: string): string => `${name} on ${label(table)}`
    if (table.primaryKey !== null) put('primary key', on(table.primaryKey.name), table.primaryKey)
    for (const unique of table.uniques) put('unique constraint', on(unique.name), unique)
    for (const check of table.checks) put('check constraint', on(check.name), check)
    for (const foreignKey of table.foreignKeys) put('foreign key', on(foreignKey.name), foreignKey)
    for (const index of table.indexes) put('index', on(index.name), index)
    for (const policy of table.policies) put('policy', on(policy.name), policy)
  }
  // A domain's or composite type's comment is worded apart from its definition.
  for (const domain of model.domains) put('domain', label(domain), { ...domain, comment: null })
  for (const type of model.compositeTypes) put('composite type', label(type), { ...type, comment: null })
  for (const other of model.others) put(other.kind, otherName(other), other.definition)
  return map
}

function otherName(o: { schema: string; name: string; table: string | null }): string {
  return o.table === null ? tableLabel(o.schema, o.name) : `${o.name} on ${tableLabel(o.schema, o.table)}`
}

const TRIGGER_STATE_WORDS: Record<TriggerState, string> = {
  origin: 'enabled',
  always: 'enabled always',
  replica: 'enabled for replicas only',
  disabled: 'disabled',
}

/** `index totals_day_idx on materialized view totals`: one of the view's parts. */
function viewIndex(view: ObjectRef, index: string, state: DriftState): Draft {
  return { object: 'index', name: `${index} on materialized view ${label(view)}`, state, owner: label(view) }
}

/** `partition events_2026 of events`: a partition is named with its parent. */
function partition(table: ObjectRef, of: PartitionOfModel, state: DriftState, detail?: string): Draft {
  const name = `${label(table)} of ${tableLabel(of.schema, of.table)}`
  return { object: 'partition', name, state, detail, owner: label(table) }
}

const isTable = (draft: Draft): boolean => draft.object === 'table' || draft.object === 'partition'
const objectKey = (object: string, name: string): string => `${object}\u0000${name}`
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const label = (ref: ObjectRef): string => tableLabel(ref.schema, ref.name)
const labels = (values: readonly string[]): string => `(${values.map((v) => `'${v}'`).join(', ')})`
const viewKind = (view: { materialized: boolean }): string =>
  view.materialized ? 'materialized view' : 'view'

/** `comment on column users.email: added outside migrations`; nothing when the text is the same. */
function commentDrafts(
  of: string,
  name: string,
  expected: string | null,
  live: string | null,
  owner?: string,
): Draft[] {
  if (expected === live) return []
  const state: DriftState = expected === null ? 'added' : live === null ? 'missing' : 'changed'
  return [{ object: `comment on ${of}`, name, state, owner }]
}

function renamed(object: string, schema: string, from: string, to: string): Draft {
  return {
    object,
    name: tableLabel(schema, from),
    state: 'renamed',
    detail: `renamed to ${to} outside migrations`,
  }
}

/** `(fillfactor=70, autovacuum_enabled=false)`, or `none`. */
function parameterText(parameters: readonly StorageParameterModel[]): string {
  if (parameters.length === 0) return 'none'
  return `(${parameters.map((p) => `${p.name}=${p.value}`).join(', ')})`
}

function typeText(column: ColumnModel): string {
  return column.type + '[]'.repeat(column.dimensions)
}

/** `type changed from integer to bigint`, `collation changed from default to C`, or both. */
function typeChanges(from: ColumnModel, to: ColumnModel): string {
  const parts: string[] = []
  if (typeText(from) !== typeText(to)) parts.push(`type changed from ${typeText(from)} to ${typeText(to)}`)
  if (from.collation !== to.collation)
    parts.push(`collation changed from ${from.collation ?? 'default'} to ${to.collation ?? 'default'}`)
  return parts.join(', ')
}

function expectedColumn(model: SchemaModel, table: ObjectRef, name: string): ColumnModel | undefined {
  return model.tables
    .find((t) => t.schema === table.schema && t.name === table.name)
    ?.columns.find((c) => c.name === name)
}

const SEQUENCE_FIELDS = ['type', 'start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle'] as const

function sequenceDifferences(from: SequenceModel, to: SequenceModel): string {
  return describeFields(SEQUENCE_FIELDS.filter((f) => from[f] !== to[f]).map((f) => [f, from[f], to[f]]))
}

function identityDifferences(from: IdentityModel, to: IdentityModel): string {
  const fields: [string, unknown, unknown][] = []
  if (from.generation !== to.generation) fields.push(['generation', from.generation, to.generation])
  for (const f of SEQUENCE_FIELDS) {
    if (f === 'type') continue
    if (from.sequence[f] !== to.sequence[f]) fields.push([f, from.sequence[f], to.sequence[f]])
  }
  return describeFields(fields)
}

function describeFields(fields: readonly (readonly [string, unknown, unknown])[]): string {
  return fields.map(([field, a, b]) => `${field} ${String(a)} → ${String(b)}`).join(', ') || 'options'
}
