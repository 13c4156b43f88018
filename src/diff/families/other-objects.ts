import type { OtherObjectModel } from '../../model/types.js'
import type { Hazard } from '../change-parts.js'
import { tableLabel } from '../renames.js'
import { commentDrafts, otherName } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { commentVerb, hazard } from './words.js'

/**
 * Objects defined by their statement (the model's `others`): extensions, functions, procedures,
 * aggregates, triggers, rules and range types.
 */
export type OtherObjectChange =
  /**
   * CREATE of an object defined by its statement (extension, routine, trigger, ...), with its comment
   * and trigger state; `replaces` when it replaces a routine of the same signature in place (CREATE
   * OR REPLACE), keeping what depends on it.
   */
  | { readonly kind: 'create-other'; readonly object: OtherObjectModel; readonly replaces: boolean }
  /** DROP; `recreated` when the same plan creates it again (a routine whose result type changes). */
  | { readonly kind: 'drop-other'; readonly object: OtherObjectModel; readonly recreated: boolean }
  /** COMMENT ON an extension, routine, trigger, ... that stays; `to` null removes it. */
  | {
      readonly kind: 'set-other-comment'
      readonly object: OtherObjectModel
      readonly from: string | null
      readonly to: string | null
    }

/** `touch()`, `auth.touch()`, `set_updated_at on users`: as `describe` names them. */
export function otherLabel(object: { schema: string; name: string; table: string | null }): string {
  const name = object.table === null ? object.name : `${object.name} on ${object.table}`
  return object.schema === 'public' ? name : `${object.schema}.${name}`
}

/**
 * A routine dropped for good breaks whatever still calls it (the application, other functions);
 * one dropped and created again gets its grants back from the same plan, an aggregate (whose grants
 * the model does not hold) loses them. An extension takes its types and functions with it.
 */
const DROP_HAZARDS: Record<
  OtherObjectModel['kind'],
  (object: OtherObjectModel, recreated: boolean) => Hazard[]
> = {
  function: routineDropHazards,
  procedure: routineDropHazards,
  aggregate: routineDropHazards,
  extension: (object, recreated) =>
    recreated
      ? []
      : [hazard('breaking', `drops extension ${object.name}: whatever uses its types or functions fails`)],
  // A trigger or rule goes with no caller to break; a range type cannot go while a column uses it.
  'range type': noHazards,
  trigger: noHazards,
  rule: noHazards,
}

function routineDropHazards(object: OtherObjectModel, recreated: boolean): Hazard[] {
  const name = `${object.kind} ${tableLabel(object.schema, object.name)}`
  return [
    recreated
      ? hazard(
          'breaking',
          `drops ${name} and creates it again (its result or arguments change)${object.kind === 'aggregate' ? ': grants on it are lost' : ', with its grants'}`,
        )
      : hazard('breaking', `drops ${name}: whatever still calls it fails`),
  ]
}

export const otherObjectKinds: FamilyEntries<OtherObjectChange> = {
  'create-other': {
    describe: (change) =>
      `${change.replaces ? 'replace' : 'create'} ${change.object.kind} ${otherLabel(change.object)}`,
    hazards: noHazards,
    drift: (change) => {
      const o = change.object
      if (change.replaces)
        return [{ object: o.kind, name: otherName(o), state: 'changed', detail: 'definition changed' }]
      return [{ object: o.kind, name: otherName(o), state: 'added' }]
    },
    // The statement as written (a routine's own formatting, an extension's VERSION), with the
    // comment and state PostgreSQL read back.
    authored: (change, source) => {
      const written = source.other(change.object)
      return written === undefined
        ? change
        : { ...change, object: { ...change.object, definition: written.definition } }
    },
  },
  'drop-other': {
    describe: (change) => `drop ${change.object.kind} ${otherLabel(change.object)}`,
    hazards: (change) => DROP_HAZARDS[change.object.kind](change.object, change.recreated),
    drift: (change) => [{ object: change.object.kind, name: otherName(change.object), state: 'missing' }],
    authored: asWritten,
  },
  'set-other-comment': {
    describe: (change) =>
      `${commentVerb(change)} comment on ${change.object.kind} ${otherLabel(change.object)}`,
    hazards: noHazards,
    drift: (change) => commentDrafts(change.object.kind, otherName(change.object), change.from, change.to),
    authored: asWritten,
  },
}
