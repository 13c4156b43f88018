import type { ColumnModel, IdentityModel, SchemaModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import { classifyTypeChange } from '../type-change.js'
import { authoredColumn, sourceColumn } from './authored-parts.js'
import { columnDraft, commentDrafts, fieldChanges, SEQUENCE_FIELDS } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { commentVerb, hazard, label } from './words.js'

/** Columns of a table that stays: add, drop, rename, and what ALTER COLUMN changes. */
export type ColumnChange =
  | { readonly kind: 'add-column'; readonly table: ObjectRef; readonly column: ColumnModel }
  | { readonly kind: 'drop-column'; readonly table: ObjectRef; readonly column: ColumnModel }
  | { readonly kind: 'rename-column'; readonly table: ObjectRef; readonly from: string; readonly to: string }
  | {
      readonly kind: 'alter-column-type'
      readonly table: ObjectRef
      readonly from: ColumnModel
      readonly to: ColumnModel
    }
  | {
      readonly kind: 'set-column-default'
      readonly table: ObjectRef
      readonly column: string
      readonly default: string | null
    }
  | {
      readonly kind: 'set-column-not-null'
      readonly table: ObjectRef
      readonly column: string
      readonly notNull: boolean
    }
  | {
      readonly kind: 'add-identity'
      readonly table: ObjectRef
      readonly column: string
      readonly identity: IdentityModel
    }
  | { readonly kind: 'drop-identity'; readonly table: ObjectRef; readonly column: string }
  | {
      readonly kind: 'alter-identity'
      readonly table: ObjectRef
      readonly column: string
      readonly from: IdentityModel
      readonly to: IdentityModel
    }
  | { readonly kind: 'drop-generated'; readonly table: ObjectRef; readonly column: string }
  /**
   * COMMENT ON a column that is there before and after: `to` null removes the comment. A column
   * created by the plan carries its comment in its create change.
   */
  | {
      readonly kind: 'set-column-comment'
      readonly table: ObjectRef
      readonly column: string
      readonly from: string | null
      readonly to: string | null
    }

/**
 * Functions PostgreSQL treats as volatile that commonly appear in defaults: adding a column whose
 * default calls one rewrites the table (each row gets its own value). A default that calls a stable
 * function such as now() is evaluated once and stored in the catalog instead.
 */
const VOLATILE_CALLS =
  /\b(nextval|random|gen_random_uuid|uuid_generate_v\d\w*|clock_timestamp|timeofday|txid_current|setseed)\s*\(/i

function addsRewrite(column: ColumnModel): boolean {
  if (column.identity !== null || column.generated !== null) return true
  return column.default !== null && VOLATILE_CALLS.test(column.default)
}

const column = (change: { table: ObjectRef; column: string }): string =>
  `${label(change.table)}.${change.column}`

function expectedColumn(model: SchemaModel, table: ObjectRef, name: string): ColumnModel | undefined {
  return model.tables
    .find((t) => t.schema === table.schema && t.name === table.name)
    ?.columns.find((c) => c.name === name)
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

function identityDifferences(from: IdentityModel, to: IdentityModel): string {
  const fields: [string, unknown, unknown][] = []
  if (from.generation !== to.generation) fields.push(['generation', from.generation, to.generation])
  for (const f of SEQUENCE_FIELDS) {
    if (f === 'type') continue
    if (from.sequence[f] !== to.sequence[f]) fields.push([f, from.sequence[f], to.sequence[f]])
  }
  return fieldChanges(fields)
}

export const columnKinds: FamilyEntries<ColumnChange> = {
  'add-column': {
    describe: (change) => `add column ${label(change.table)}.${change.column.name}`,
    hazards: (change, { existing }) =>
      existing(change.table) && addsRewrite(change.column)
        ? [hazard('table-rewrite', `adding ${label(change.table)}.${change.column.name} rewrites the table`)]
        : [],
    drift: (change, { expected }) => {
      // A column dropped and added again (a generated one redefined) carries its comment along.
      const before = expectedColumn(expected, change.table, change.column.name)
      return [
        ...columnDraft(change.table, change.column.name, 'added'),
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
    },
    authored: (change, source) => ({
      ...change,
      column: authoredColumn(change.column, sourceColumn(source, change.table, change.column.name)),
    }),
  },
  'drop-column': {
    describe: (change) => `drop column ${label(change.table)}.${change.column.name}`,
    hazards: (change) => [
      hazard('data-loss', `drops column ${label(change.table)}.${change.column.name} and its values`),
    ],
    drift: (change) => columnDraft(change.table, change.column.name, 'missing'),
    authored: asWritten,
  },
  'rename-column': {
    describe: (change) => `rename column ${label(change.table)}.${change.from} to ${change.to}`,
    hazards: (change) => [
      hazard('breaking', `renames column ${label(change.table)}.${change.from} to ${change.to}`),
    ],
    drift: (change) =>
      columnDraft(change.table, change.from, 'renamed', `renamed to ${change.to} outside migrations`),
    authored: asWritten,
  },
  'alter-column-type': {
    describe: (change) => {
      const column = `${label(change.table)}.${change.to.name}`
      if (change.from.type === change.to.type && change.from.dimensions === change.to.dimensions)
        return `change collation of ${column} to ${change.to.collation ?? 'the default'}`
      return `change type of ${column} from ${change.from.type} to ${change.to.type}`
    },
    hazards: (change) => {
      const kind = classifyTypeChange(change.from, change.to)
      const column = `${label(change.table)}.${change.to.name}`
      const types = `${change.from.type} to ${change.to.type}`
      if (kind === 'in-place') return []
      const rewrite = hazard('table-rewrite', `changing ${column} from ${types} rewrites the table`)
      if (kind === 'widening') return [rewrite]
      return [rewrite, hazard('data-loss', `${column} from ${types}: values that do not fit fail or change`)]
    },
    drift: (change) =>
      columnDraft(change.table, change.to.name, 'changed', typeChanges(change.from, change.to)),
    authored: asWritten,
  },
  'set-column-default': {
    describe: (change) => `${change.default === null ? 'drop' : 'set'} default of ${column(change)}`,
    // Only new rows see a new default; a volatile one on an added column is the add-column's hazard.
    hazards: noHazards,
    drift: (change, { expected }) => {
      const before = expectedColumn(expected, change.table, change.column)?.default ?? null
      if (before === change.default) return []
      const detail =
        change.default === null
          ? `default removed (was ${before})`
          : before === null
            ? `default added (${change.default})`
            : `default changed from ${before} to ${change.default}`
      return columnDraft(change.table, change.column, 'changed', detail)
    },
    authored: (change, source) => {
      if (change.default === null) return change
      const written = sourceColumn(source, change.table, change.column)
      return written?.default == null ? change : { ...change, default: written.default }
    },
  },
  'set-column-not-null': {
    describe: (change) => `${change.notNull ? 'set' : 'drop'} not null on ${column(change)}`,
    hazards: (change, { existing }) =>
      change.notNull && existing(change.table)
        ? [hazard('long-lock', `SET NOT NULL on ${column(change)} scans the table under lock`)]
        : [],
    drift: (change) =>
      columnDraft(
        change.table,
        change.column,
        'changed',
        change.notNull ? 'NOT NULL added' : 'NOT NULL removed',
      ),
    authored: asWritten,
  },
  'add-identity': {
    describe: (change) => `make ${column(change)} an identity column`,
    hazards: (change) => [hazard('long-lock', `adding identity to ${column(change)} locks the table`)],
    drift: (change) =>
      columnDraft(
        change.table,
        change.column,
        'changed',
        `made an identity column (${change.identity.generation})`,
      ),
    authored: asWritten,
  },
  'drop-identity': {
    describe: (change) => `drop identity of ${column(change)}`,
    // The values stay; only new rows no longer get one.
    hazards: noHazards,
    drift: (change) => columnDraft(change.table, change.column, 'changed', 'no longer an identity column'),
    authored: asWritten,
  },
  'alter-identity': {
    describe: (change) => `alter identity of ${column(change)}`,
    hazards: noHazards,
    drift: (change) =>
      columnDraft(
        change.table,
        change.column,
        'changed',
        `identity ${identityDifferences(change.from, change.to)} changed`,
      ),
    authored: asWritten,
  },
  'drop-generated': {
    describe: (change) => `stop generating ${column(change)}`,
    // The stored values stay as they are.
    hazards: noHazards,
    drift: (change) => columnDraft(change.table, change.column, 'changed', 'no longer generated'),
    authored: asWritten,
  },
  'set-column-comment': {
    describe: (change) => `${commentVerb(change)} comment on column ${column(change)}`,
    hazards: noHazards,
    drift: (change) => commentDrafts('column', column(change), change.from, change.to, label(change.table)),
    authored: asWritten,
  },
}
