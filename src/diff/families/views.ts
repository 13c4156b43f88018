import type { IndexModel, ViewModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import { authoredIndex } from './authored-parts.js'
import { commentDrafts, viewIndexDraft, viewKind } from './drift-drafts.js'
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

export const viewKinds: FamilyEntries<ViewChange> = {
  'create-view': {
    describe: (change) => `create ${viewKind(change.view)} ${label(change.view)}`,
    hazards: noHazards,
    drift: (change, { expected }) => {
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
    },
    authored: (change, source) => {
      const written = source.view(change.view)
      return written === undefined
        ? change
        : { ...change, view: { ...change.view, definition: written.definition } }
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
}
