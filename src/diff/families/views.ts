import type { IndexModel, ViewModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import { authoredIndex } from './authored-parts.js'
import { commentDrafts, viewColumnDefaultDrafts, viewIndexDraft, viewKind } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { commentVerb, hazard, label } from './words.js'

/** Views and materialized views, with a materialized view's indexes. */
export type ViewChange =
  | { readonly kind: 'create-view'; readonly view: ViewModel }
  | { readonly kind: 'drop-view'; readonly view: ViewModel }
  /** CREATE INDEX on a materialized view (its `create-view` carries no indexes). */
  | { readonly kind: 'create-view-index'; readonly view: ObjectRef; readonly index: IndexModel }
  | { readonly kind: 'drop-view-index'; readonly view: ObjectRef; readonly index: IndexModel }
  /**
   * COMMENT ON a view that is there before and after: `to` null removes the comment. A view created
   * by the plan carries its comment in its create change.
   */
  | {
      readonly kind: 'set-view-comment'
      readonly view: ObjectRef
      readonly materialized: boolean
      readonly from: string | null
      readonly to: string | null
    }
  /** COMMENT ON INDEX, for an index of a materialized view that stays: `to` null removes it. */
  | {
      readonly kind: 'set-view-index-comment'
      readonly view: ObjectRef
      readonly index: string
      readonly from: string | null
      readonly to: string | null
    }
  /**
   * COMMENT ON COLUMN of a view or materialized view that stays: `to` null removes it. A view created
   * by the plan carries its column comments in its create change.
   */
  | {
      readonly kind: 'set-view-column-comment'
      readonly view: ObjectRef
      readonly column: string
      readonly from: string | null
      readonly to: string | null
    }
  /**
   * ALTER VIEW ... ALTER COLUMN ... SET / DROP DEFAULT on a view that stays (`to` null drops it). A
   * view created by the plan carries its defaults in its create change.
   */
  | {
      readonly kind: 'set-view-column-default'
      readonly view: ObjectRef
      readonly column: string
      readonly from: string | null
      readonly to: string | null
    }

export const viewKinds: FamilyEntries<ViewChange> = {
  'create-view': {
    describe: (change) => `create ${viewKind(change.view)} ${label(change.view)}`,
    hazards: noHazards,
    drift: (change, { expected }) => {
      // A view rebuilt around a change to what it reads carries its comments and defaults along.
      const before = expected.views.find(
        (v) => v.schema === change.view.schema && v.name === change.view.name,
      )
      if (before === undefined)
        return [{ object: viewKind(change.view), name: label(change.view), state: 'added' }]
      const defaultOf = (view: ViewModel, column: string): string | null =>
        view.columnDefaults.find((d) => d.column === column)?.default ?? null
      const columns = new Set([...before.columnDefaults, ...change.view.columnDefaults].map((d) => d.column))
      const commentOf = (view: ViewModel, column: string): string | null =>
        view.columnComments.find((c) => c.column === column)?.comment ?? null
      const commented = new Set(
        [...before.columnComments, ...change.view.columnComments].map((c) => c.column),
      )
      return [
        { object: viewKind(change.view), name: label(change.view), state: 'added' },
        ...commentDrafts(viewKind(change.view), label(change.view), before.comment, change.view.comment),
        ...[...commented].flatMap((column) =>
          commentDrafts(
            'view column',
            `${label(change.view)}.${column}`,
            commentOf(before, column),
            commentOf(change.view, column),
            label(change.view),
          ),
        ),
        ...[...columns].flatMap((column) =>
          viewColumnDefaultDrafts(
            change.view,
            column,
            defaultOf(before, column),
            defaultOf(change.view, column),
          ),
        ),
      ]
    },
    authored: (change, source) => {
      const written = source.view(change.view)
      if (written === undefined) return change
      const columnDefaults = change.view.columnDefaults.map(
        (d) => written.columnDefaults.find((w) => w.column === d.column) ?? d,
      )
      return { ...change, view: { ...change.view, definition: written.definition, columnDefaults } }
    },
  },
  'drop-view': {
    describe: (change) => `drop ${viewKind(change.view)} ${label(change.view)}`,
    hazards: noHazards,
    drift: (change) => [{ object: viewKind(change.view), name: label(change.view), state: 'missing' }],
    authored: asWritten,
  },
  'create-view-index': {
    describe: (change) => `create index ${change.index.name} on materialized view ${label(change.view)}`,
    hazards: (change, { keptView }) =>
      keptView(change.view)
        ? [
            hazard(
              'long-lock',
              `building index ${change.index.name} blocks refreshes of materialized view ${label(change.view)}`,
            ),
          ]
        : [],
    drift: (change) => [viewIndexDraft(change.view, change.index.name, 'added')],
    authored: (change, source) => ({
      ...change,
      index: authoredIndex(change.index, source.view(change.view)?.indexes),
    }),
  },
  'drop-view-index': {
    describe: (change) => `drop index ${change.index.name} on materialized view ${label(change.view)}`,
    hazards: noHazards,
    drift: (change) => [viewIndexDraft(change.view, change.index.name, 'missing')],
    authored: asWritten,
  },
  'set-view-comment': {
    describe: (change) => `${commentVerb(change)} comment on ${viewKind(change)} ${label(change.view)}`,
    hazards: noHazards,
    drift: (change) => commentDrafts(viewKind(change), label(change.view), change.from, change.to),
    authored: asWritten,
  },
  'set-view-index-comment': {
    describe: (change) =>
      `${commentVerb(change)} comment on index ${change.index} on materialized view ${label(change.view)}`,
    hazards: noHazards,
    drift: (change) =>
      commentDrafts(
        'index',
        viewIndexDraft(change.view, change.index, 'changed').name,
        change.from,
        change.to,
        label(change.view),
      ),
    authored: asWritten,
  },
  'set-view-column-comment': {
    describe: (change) =>
      `${commentVerb(change)} comment on view column ${label(change.view)}.${change.column}`,
    hazards: noHazards,
    drift: (change) =>
      commentDrafts(
        'view column',
        `${label(change.view)}.${change.column}`,
        change.from,
        change.to,
        label(change.view),
      ),
    authored: asWritten,
  },
  'set-view-column-default': {
    describe: (change) =>
      `${change.to === null ? 'drop' : 'set'} default of view column ${label(change.view)}.${change.column}`,
    // Only rows inserted through the view from now on see it.
    hazards: noHazards,
    drift: (change) => viewColumnDefaultDrafts(change.view, change.column, change.from, change.to),
    authored: (change, source) => {
      if (change.to === null) return change
      const written = source.view(change.view)?.columnDefaults.find((d) => d.column === change.column)
      return written === undefined ? change : { ...change, to: written.default }
    },
  },
}
