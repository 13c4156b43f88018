import { entryOf } from '../../diff/change-kinds.js'
import type { ChangeBody, ObjectRef } from '../../diff/changes.js'
import { deepEqual } from '../../diff/equal.js'
import {
  type DriftDraft,
  type DriftState,
  definedObjectName,
  ROW_LEVEL_SECURITY,
  viewIndexDraft,
  viewKind,
} from '../../diff/families/drift-drafts.js'
import { tableLabel } from '../../diff/renames.js'
import type { SchemaModel } from '../../model/types.js'

export type { DriftState } from '../../diff/families/drift-drafts.js'

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
  const drafts = settleDefaults(changes).flatMap((change) =>
    entryOf(change).drift(change, { expected, live }),
  )
  const wholeTables = new Set([
    ...drafts.filter((d) => isTable(d) && d.state !== 'changed').map((d) => d.owner ?? d.name),
    ...wholeViews(drafts),
  ])
  // Pairs of a drop and a create of one object merge into "changed"; distinct changes stay apart.
  const merged = new Map<string, DriftDraft>()
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
    else merged.set(key, { ...draft, state: 'changed', detail: definitionChange(was, is) })
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
function wholeViews(drafts: readonly DriftDraft[]): string[] {
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
    for (const index of view.indexes) put('index', viewIndexDraft(view, index.name, 'added').name, index)
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
  for (const other of model.definedObjects) put(other.kind, definedObjectName(other), other.definition)
  return map
}

/**
 * What changed in a constraint replaced by hand: said plainly when it is only its validation (a
 * NOT VALID constraint leaves the rows that were there unchecked), else "definition changed".
 */
function definitionChange(was: unknown, is: unknown): string {
  if (!isRecord(was) || !isRecord(is) || was.notValid === is.notValid) return 'definition changed'
  const { notValid: _was, ...wasRest } = was
  const { notValid: _is, ...isRest } = is
  if (!deepEqual(wasRest, isRest)) return 'definition changed'
  return is.notValid
    ? 'replaced by a NOT VALID one (the rows already there are not checked)'
    : 'validated outside migrations'
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isTable = (draft: DriftDraft): boolean => draft.object === 'table' || draft.object === 'partition'
const objectKey = (object: string, name: string): string => `${object}\u0000${name}`
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const label = (ref: ObjectRef): string => tableLabel(ref.schema, ref.name)
