import type { IndexModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import { authoredIndex } from './authored-parts.js'
import { commentDrafts, onTableDraft, renamedDraft } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { commentVerb, hazard, label } from './words.js'

/** Indexes of a table that stays (a materialized view's are in the view family). */
export type IndexChange =
  | { readonly kind: 'create-index'; readonly table: ObjectRef; readonly index: IndexModel }
  | { readonly kind: 'drop-index'; readonly table: ObjectRef; readonly index: IndexModel }
  | { readonly kind: 'rename-index'; readonly schema: string; readonly from: string; readonly to: string }
  /**
   * COMMENT ON INDEX, for an index that stays (renamed or not): `to` null removes the comment. An
   * index created by the plan carries its comment in its create change.
   */
  | {
      readonly kind: 'set-index-comment'
      readonly table: ObjectRef
      readonly index: string
      readonly from: string | null
      readonly to: string | null
    }

export const indexKinds: FamilyEntries<IndexChange> = {
  'create-index': {
    describe: (change) => `create index ${change.index.name} on ${label(change.table)}`,
    // Building an index on a table created in the same migration locks nothing anyone waits for.
    hazards: (change, { existing }) =>
      existing(change.table)
        ? [hazard('long-lock', `building index ${change.index.name} blocks writes to ${label(change.table)}`)]
        : [],
    drift: (change) => onTableDraft('index', change.table, change.index.name, 'added'),
    authored: (change, source) => ({
      ...change,
      index: authoredIndex(change.index, source.table(change.table)?.indexes),
    }),
  },
  'drop-index': {
    describe: (change) => `drop index ${change.index.name} on ${label(change.table)}`,
    // Queries get slower; none fails.
    hazards: noHazards,
    drift: (change) => onTableDraft('index', change.table, change.index.name, 'missing'),
    authored: asWritten,
  },
  'rename-index': {
    describe: (change) => `rename index ${change.from} to ${change.to}`,
    hazards: noHazards,
    drift: (change) => [renamedDraft('index', change.schema, change.from, change.to)],
    authored: asWritten,
  },
  'set-index-comment': {
    describe: (change) => `${commentVerb(change)} comment on index ${change.index} on ${label(change.table)}`,
    hazards: noHazards,
    drift: (change) =>
      commentDrafts(
        'index',
        `${change.index} on ${label(change.table)}`,
        change.from,
        change.to,
        label(change.table),
      ),
    authored: asWritten,
  },
}
