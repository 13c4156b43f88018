import type { ForeignKeyModel, PrimaryKeyModel, TableCheckModel, UniqueModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import { commentDrafts, onTableDraft } from './drift-drafts.js'
import { asWritten, type FamilyEntries, type HazardContext, noHazards } from './kind-entry.js'
import { commentVerb, hazard, label } from './words.js'

/** What a constraint is, as check and generate name it. */
export type ConstraintKind = 'primary key' | 'unique constraint' | 'check constraint' | 'foreign key'

/** Primary keys, uniques, checks and foreign keys of a table that stays. */
export type ConstraintChange =
  | { readonly kind: 'add-primary-key'; readonly table: ObjectRef; readonly primaryKey: PrimaryKeyModel }
  | { readonly kind: 'drop-primary-key'; readonly table: ObjectRef; readonly primaryKey: PrimaryKeyModel }
  | { readonly kind: 'add-unique'; readonly table: ObjectRef; readonly unique: UniqueModel }
  | { readonly kind: 'drop-unique'; readonly table: ObjectRef; readonly unique: UniqueModel }
  | { readonly kind: 'add-check'; readonly table: ObjectRef; readonly check: TableCheckModel }
  | { readonly kind: 'drop-check'; readonly table: ObjectRef; readonly check: TableCheckModel }
  | { readonly kind: 'add-foreign-key'; readonly table: ObjectRef; readonly foreignKey: ForeignKeyModel }
  | { readonly kind: 'drop-foreign-key'; readonly table: ObjectRef; readonly foreignKey: ForeignKeyModel }
  | {
      /** Renames a primary key, unique, foreign key or check constraint (and a constraint's index). */
      readonly kind: 'rename-constraint'
      readonly table: ObjectRef
      readonly from: string
      readonly to: string
    }
  /**
   * COMMENT ON CONSTRAINT ... ON a table, for a key or check that stays (renamed or not): `to` null
   * removes the comment. A constraint created by the plan carries its comment in its create change.
   */
  | {
      readonly kind: 'set-constraint-comment'
      readonly table: ObjectRef
      readonly constraint: string
      readonly of: ConstraintKind
      readonly from: string | null
      readonly to: string | null
    }

const keyIndexHazards = (change: { table: ObjectRef }, { existing }: HazardContext) =>
  existing(change.table)
    ? [hazard('long-lock', `building the index for a key blocks writes to ${label(change.table)}`)]
    : []

// No hazard is known for a dropped or renamed constraint: a key dropped here goes only after what
// used it (whose change carries one).
export const constraintKinds: FamilyEntries<ConstraintChange> = {
  'add-primary-key': {
    describe: (change) => `add primary key ${change.primaryKey.name} on ${label(change.table)}`,
    hazards: keyIndexHazards,
    drift: (change) => onTableDraft('primary key', change.table, change.primaryKey.name, 'added'),
    authored: asWritten,
  },
  'drop-primary-key': {
    describe: (change) => `drop primary key ${change.primaryKey.name} on ${label(change.table)}`,
    hazards: noHazards,
    drift: (change) => onTableDraft('primary key', change.table, change.primaryKey.name, 'missing'),
    authored: asWritten,
  },
  'add-unique': {
    describe: (change) => `add unique ${change.unique.name} on ${label(change.table)}`,
    hazards: keyIndexHazards,
    drift: (change) => onTableDraft('unique constraint', change.table, change.unique.name, 'added'),
    authored: asWritten,
  },
  'drop-unique': {
    describe: (change) => `drop unique ${change.unique.name} on ${label(change.table)}`,
    hazards: noHazards,
    drift: (change) => onTableDraft('unique constraint', change.table, change.unique.name, 'missing'),
    authored: asWritten,
  },
  'add-check': {
    describe: (change) => `add check ${change.check.name} on ${label(change.table)}`,
    hazards: (change, { existing }) =>
      existing(change.table)
        ? [hazard('long-lock', `adding check ${change.check.name} scans ${label(change.table)} under lock`)]
        : [],
    drift: (change) => onTableDraft('check constraint', change.table, change.check.name, 'added'),
    authored: (change, source) => {
      const written = source.table(change.table)?.checks.find((c) => c.name === change.check.name)
      return written === undefined
        ? change
        : { ...change, check: { ...change.check, expression: written.expression } }
    },
  },
  'drop-check': {
    describe: (change) => `drop check ${change.check.name} on ${label(change.table)}`,
    hazards: noHazards,
    drift: (change) => onTableDraft('check constraint', change.table, change.check.name, 'missing'),
    authored: asWritten,
  },
  'add-foreign-key': {
    describe: (change) => `add foreign key ${change.foreignKey.name} on ${label(change.table)}`,
    hazards: (change, { existing }) =>
      existing(change.table)
        ? [
            hazard(
              'long-lock',
              `validating foreign key ${change.foreignKey.name} scans ${label(change.table)} under lock`,
            ),
          ]
        : [],
    drift: (change) => onTableDraft('foreign key', change.table, change.foreignKey.name, 'added'),
    authored: asWritten,
  },
  'drop-foreign-key': {
    describe: (change) => `drop foreign key ${change.foreignKey.name} on ${label(change.table)}`,
    hazards: noHazards,
    drift: (change) => onTableDraft('foreign key', change.table, change.foreignKey.name, 'missing'),
    authored: asWritten,
  },
  'rename-constraint': {
    describe: (change) => `rename constraint ${change.from} on ${label(change.table)} to ${change.to}`,
    hazards: noHazards,
    drift: (change) => [
      {
        object: 'constraint',
        name: `${change.from} on ${label(change.table)}`,
        state: 'renamed',
        detail: `renamed to ${change.to} outside migrations`,
        owner: label(change.table),
      },
    ],
    authored: asWritten,
  },
  'set-constraint-comment': {
    describe: (change) =>
      `${commentVerb(change)} comment on ${change.of} ${change.constraint} on ${label(change.table)}`,
    hazards: noHazards,
    drift: (change) =>
      commentDrafts(
        change.of,
        `${change.constraint} on ${label(change.table)}`,
        change.from,
        change.to,
        label(change.table),
      ),
    authored: asWritten,
  },
}
