import type { CompositeAttributeModel, CompositeTypeModel } from '../../model/types.js'
import type { ObjectRef, TypeColumnUse } from '../change-parts.js'
import { deepEqual } from '../equal.js'
import { authoredDefault } from './authored-parts.js'
import { commentDrafts, type DriftDraft } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { rebuildRewriteHazards } from './type-rebuilds.js'
import { commentVerb, hazard, label } from './words.js'

/** Composite types: create, drop, their attributes, and the rebuild for what ALTER TYPE cannot do. */
export type CompositeTypeChange =
  | { readonly kind: 'create-composite-type'; readonly type: CompositeTypeModel }
  | { readonly kind: 'drop-composite-type'; readonly type: CompositeTypeModel }
  | {
      readonly kind: 'add-composite-attribute'
      readonly type: ObjectRef
      readonly attribute: CompositeAttributeModel
    }
  | {
      readonly kind: 'drop-composite-attribute'
      readonly type: ObjectRef
      readonly attribute: CompositeAttributeModel
    }
  | {
      /** ALTER ATTRIBUTE ... TYPE: only for a type no column uses (PostgreSQL refuses it otherwise). */
      readonly kind: 'alter-composite-attribute'
      readonly type: ObjectRef
      readonly from: CompositeAttributeModel
      readonly to: CompositeAttributeModel
    }
  | {
      /**
       * Attributes reordered, or retyped while columns use the type (or a type it holds is
       * rebuilt): once detached, the type is created again and its columns return through text.
       */
      readonly kind: 'replace-composite-type'
      readonly from: CompositeTypeModel
      readonly to: CompositeTypeModel
      readonly columns: readonly TypeColumnUse[]
    }
  | {
      readonly kind: 'set-composite-type-comment'
      readonly type: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }

const changed = (ref: ObjectRef, detail: string): DriftDraft[] => [
  { object: 'composite type', name: label(ref), state: 'changed', detail },
]

function attributes(type: CompositeTypeModel): string {
  return `(${type.attributes.map((a) => `${a.name} ${a.type}`).join(', ')})`
}

// A type dropped here goes only after the columns that used it (whose changes carry the hazards).
export const compositeTypeKinds: FamilyEntries<CompositeTypeChange> = {
  'create-composite-type': {
    describe: (change) => `create composite type ${label(change.type)}`,
    hazards: noHazards,
    drift: (change) => [{ object: 'composite type', name: label(change.type), state: 'added' }],
    authored: asWritten,
  },
  'drop-composite-type': {
    describe: (change) => `drop composite type ${label(change.type)}`,
    hazards: noHazards,
    drift: (change) => [{ object: 'composite type', name: label(change.type), state: 'missing' }],
    authored: asWritten,
  },
  'add-composite-attribute': {
    describe: (change) => `add attribute ${change.attribute.name} to composite type ${label(change.type)}`,
    hazards: noHazards,
    drift: (change) => changed(change.type, `attribute ${change.attribute.name} added outside migrations`),
    authored: asWritten,
  },
  'drop-composite-attribute': {
    describe: (change) => `drop attribute ${change.attribute.name} of composite type ${label(change.type)}`,
    hazards: (change) => [
      hazard(
        'data-loss',
        `drops attribute ${change.attribute.name} of composite type ${label(change.type)} and its values`,
      ),
    ],
    drift: (change) => changed(change.type, `attribute ${change.attribute.name} missing`),
    authored: asWritten,
  },
  'alter-composite-attribute': {
    describe: (change) =>
      `change type of attribute ${change.to.name} of composite type ${label(change.type)} to ${change.to.type}`,
    // Only for a type no column uses: there are no values to convert.
    hazards: noHazards,
    drift: (change) =>
      changed(
        change.type,
        `attribute ${change.to.name} type changed from ${change.from.type} to ${change.to.type}`,
      ),
    authored: asWritten,
  },
  'replace-composite-type': {
    describe: (change) =>
      `rebuild composite type ${label(change.to)} with (${change.to.attributes.map((a) => a.name).join(', ')})`,
    hazards: (change) => {
      const what = `composite type ${label(change.to)}`
      const hazards = rebuildRewriteHazards(what, change.columns)
      if (hazards.length > 0 && !deepEqual(change.from.attributes, change.to.attributes)) {
        hazards.push(
          hazard(
            'data-loss',
            `the values of ${what} are carried over through their text form, attribute by position: a removed, reordered or narrowed attribute fails or changes them`,
          ),
        )
      }
      return hazards
    },
    drift: (change) =>
      changed(change.to, `attributes changed from ${attributes(change.from)} to ${attributes(change.to)}`),
    authored: (change, source) => ({
      ...change,
      columns: change.columns.map((use) => authoredDefault(use, source)),
    }),
  },
  'set-composite-type-comment': {
    describe: (change) => `${commentVerb(change)} comment on composite type ${label(change.type)}`,
    hazards: noHazards,
    drift: (change) => commentDrafts('composite type', label(change.type), change.from, change.to),
    authored: asWritten,
  },
}
