import type { DefinedObjectKind, DefinedObjectModel } from '../../model/types.js'
import type { Hazard } from '../change-parts.js'
import type { ChangeBody, ChangeKind } from '../changes.js'
import { commentDrafts, definedObjectName, SCHEMALESS_KINDS } from './drift-drafts.js'
import { asWritten, type KindEntry, noHazards } from './kind-entry.js'
import { commentVerb } from './words.js'

/*
 * The changes of objects kept as their CREATE statement (the model's `definedObjects`) share three
 * shapes; each family (`extensions.ts`, `routines.ts`, `triggers.ts`, `kept-as-written.ts`) names
 * its own kinds with them, so a change says what it creates or drops.
 */

/**
 * CREATE of the object, with its comment and a trigger's state; `replaces` when it replaces a
 * routine of the same signature in place (CREATE OR REPLACE), keeping what depends on it.
 */
export interface CreateDefinedObject<K extends string> {
  readonly kind: K
  readonly object: DefinedObjectModel
  readonly replaces: boolean
}

/** DROP; `recreated` when the same plan creates it again (a routine whose result type changes). */
export interface DropDefinedObject<K extends string> {
  readonly kind: K
  readonly object: DefinedObjectModel
  readonly recreated: boolean
}

/** COMMENT ON an object that stays; `to` null removes it. */
export interface SetDefinedObjectComment<K extends string> {
  readonly kind: K
  readonly object: DefinedObjectModel
  readonly from: string | null
  readonly to: string | null
}

/** The change kinds of each kind of defined object, for the planner that makes the changes. */
export const DEFINED_OBJECT_CHANGE_KINDS = {
  extension: { create: 'create-extension', drop: 'drop-extension', comment: 'set-extension-comment' },
  function: { create: 'create-function', drop: 'drop-function', comment: 'set-function-comment' },
  procedure: { create: 'create-procedure', drop: 'drop-procedure', comment: 'set-procedure-comment' },
  aggregate: { create: 'create-aggregate', drop: 'drop-aggregate', comment: 'set-aggregate-comment' },
  'range type': { create: 'create-range-type', drop: 'drop-range-type', comment: 'set-range-type-comment' },
  trigger: { create: 'create-trigger', drop: 'drop-trigger', comment: 'set-trigger-comment' },
  rule: { create: 'create-rule', drop: 'drop-rule', comment: 'set-rule-comment' },
  cast: { create: 'create-cast', drop: 'drop-cast', comment: 'set-cast-comment' },
  publication: { create: 'create-publication', drop: 'drop-publication', comment: 'set-publication-comment' },
  'statistics object': {
    create: 'create-statistics',
    drop: 'drop-statistics',
    comment: 'set-statistics-comment',
  },
} as const satisfies Record<DefinedObjectKind, { create: ChangeKind; drop: ChangeKind; comment: ChangeKind }>

type CreateKind = (typeof DEFINED_OBJECT_CHANGE_KINDS)[DefinedObjectKind]['create']
export type CommentKind = (typeof DEFINED_OBJECT_CHANGE_KINDS)[DefinedObjectKind]['comment']

const CREATE_KINDS: ReadonlySet<ChangeKind> = new Set(
  Object.values(DEFINED_OBJECT_CHANGE_KINDS).map((kinds) => kinds.create),
)

/** Whether the change creates an object kept as its statement (of any kind). */
export function createsDefinedObject(change: ChangeBody): change is CreateDefinedObject<CreateKind> {
  return CREATE_KINDS.has(change.kind)
}

/** `touch()`, `auth.touch()`, `set_updated_at on users`: as `describe` names them. */
export function definedObjectLabel(object: {
  kind?: DefinedObjectKind
  schema: string
  name: string
  table: string | null
}): string {
  if (object.kind !== undefined && SCHEMALESS_KINDS.has(object.kind)) return object.name
  const name = object.table === null ? object.name : `${object.name} on ${object.table}`
  return object.schema === 'public' ? name : `${object.schema}.${name}`
}

/** The entry of a create kind: `create function touch()`, `replace function touch()`. */
export function createEntry<K extends string>(): KindEntry<CreateDefinedObject<K>> {
  return {
    describe: (change) =>
      `${change.replaces ? 'replace' : 'create'} ${change.object.kind} ${definedObjectLabel(change.object)}`,
    hazards: noHazards,
    drift: (change) => {
      const o = change.object
      if (change.replaces)
        return [
          { object: o.kind, name: definedObjectName(o), state: 'changed', detail: 'definition changed' },
        ]
      return [{ object: o.kind, name: definedObjectName(o), state: 'added' }]
    },
    // The statement as written (a routine's own formatting, an extension's VERSION), with the
    // comment and state PostgreSQL read back.
    authored: (change, source) => {
      const written = source.definedObject(change.object)
      return written === undefined
        ? change
        : { ...change, object: { ...change.object, definition: written.definition } }
    },
  }
}

/** The entry of a drop kind, with the hazards of dropping that kind of object. */
export function dropEntry<K extends string>(
  hazards: (object: DefinedObjectModel, recreated: boolean) => Hazard[],
): KindEntry<DropDefinedObject<K>> {
  return {
    describe: (change) => `drop ${change.object.kind} ${definedObjectLabel(change.object)}`,
    hazards: (change) => hazards(change.object, change.recreated),
    drift: (change) => [
      { object: change.object.kind, name: definedObjectName(change.object), state: 'missing' },
    ],
    authored: asWritten,
  }
}

/** The entry of a comment kind: `set comment on function touch()`. */
export function commentEntry<K extends string>(): KindEntry<SetDefinedObjectComment<K>> {
  return {
    describe: (change) =>
      `${commentVerb(change)} comment on ${change.object.kind} ${definedObjectLabel(change.object)}`,
    hazards: noHazards,
    drift: (change) =>
      commentDrafts(change.object.kind, definedObjectName(change.object), change.from, change.to),
    authored: asWritten,
  }
}
