import type { DefinedObjectKind, PartitionOfModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import { tableLabel } from '../renames.js'
import { label } from './words.js'

/** How an object of the live database differs from what its migrations build. */
export type DriftState = 'added' | 'missing' | 'changed' | 'renamed'

/** A drift finding before it is merged with the others and worded (see `migrate/check/`). */
export interface DriftDraft {
  /** `table`, `column`, `index`, `comment on column`, `function`, `grant`, ... */
  readonly object: string
  readonly name: string
  readonly state: DriftState
  /** Replaces the state's words (`added outside migrations`) in the message. */
  readonly detail?: string | undefined
  /** The table a column, key or index belongs to: its findings go when the table is added or missing. */
  readonly owner?: string | undefined
}

// A state of a table rather than an object: `row-level security on sessions: disabled outside migrations`.
export const ROW_LEVEL_SECURITY = 'row-level security'

/** `users.email`: a column is named with its table. */
export function columnDraft(
  table: ObjectRef,
  name: string,
  state: DriftState,
  detail?: string,
): DriftDraft[] {
  return [{ object: 'column', name: `${label(table)}.${name}`, state, detail, owner: label(table) }]
}

/** `users_email_key on users`: a key, index or policy is named with its table. */
export function onTableDraft(
  object: string,
  table: ObjectRef,
  name: string,
  state: DriftState,
): DriftDraft[] {
  return [{ object, name: `${name} on ${label(table)}`, state, owner: label(table) }]
}

/** `index totals_day_idx on materialized view totals`: one of the view's parts. */
export function viewIndexDraft(view: ObjectRef, index: string, state: DriftState): DriftDraft {
  return { object: 'index', name: `${index} on materialized view ${label(view)}`, state, owner: label(view) }
}

/** `partition events_2026 of events`: a partition is named with its parent. */
export function partitionDraft(
  table: ObjectRef,
  of: PartitionOfModel,
  state: DriftState,
  detail?: string,
): DriftDraft {
  const name = `${label(table)} of ${tableLabel(of.schema, of.table)}`
  return { object: 'partition', name, state, detail, owner: label(table) }
}

export function renamedDraft(object: string, schema: string, from: string, to: string): DriftDraft {
  return {
    object,
    name: tableLabel(schema, from),
    state: 'renamed',
    detail: `renamed to ${to} outside migrations`,
  }
}

/** `comment on column users.email: added outside migrations`; nothing when the text is the same. */
export function commentDrafts(
  of: string,
  name: string,
  expected: string | null,
  live: string | null,
  owner?: string,
): DriftDraft[] {
  if (expected === live) return []
  const state: DriftState = expected === null ? 'added' : live === null ? 'missing' : 'changed'
  return [{ object: `comment on ${of}`, name, state, owner }]
}

/** `view column active_users.status: default added ('new'::text)`; nothing when it is the same. */
export function viewColumnDefaultDrafts(
  view: ObjectRef,
  column: string,
  expected: string | null,
  live: string | null,
): DriftDraft[] {
  if (expected === live) return []
  const detail =
    live === null
      ? `default removed (was ${expected})`
      : expected === null
        ? `default added (${live})`
        : `default changed from ${expected} to ${live}`
  return [
    { object: 'view column', name: `${label(view)}.${column}`, state: 'changed', detail, owner: label(view) },
  ]
}

/**
 * `auth.touch()`, `set_updated_at on auth.users`: a trigger or rule is named with its table. A cast
 * (`(text AS public.address)`) or a publication belongs to no schema: its name alone.
 */
export function definedObjectName(o: {
  kind?: DefinedObjectKind
  schema: string
  name: string
  table: string | null
}): string {
  if (o.kind !== undefined && SCHEMALESS_KINDS.has(o.kind)) return o.name
  return o.table === null ? tableLabel(o.schema, o.name) : `${o.name} on ${tableLabel(o.schema, o.table)}`
}

/** Kinds whose objects live in no schema; the model files them under one for the scope rules. */
export const SCHEMALESS_KINDS: ReadonlySet<DefinedObjectKind> = new Set(['cast', 'publication'])

export const viewKind = (view: { materialized: boolean }): string =>
  view.materialized ? 'materialized view' : 'view'

/** `increment 1 → 5, cycle false → true`, or `options` when no field is named. */
export function fieldChanges(fields: readonly (readonly [string, unknown, unknown])[]): string {
  return fields.map(([field, a, b]) => `${field} ${String(a)} → ${String(b)}`).join(', ') || 'options'
}

/** The numbers of a sequence (and of an identity column's sequence) that `check` compares. */
export const SEQUENCE_FIELDS = [
  'type',
  'start',
  'increment',
  'minValue',
  'maxValue',
  'cache',
  'cycle',
] as const
