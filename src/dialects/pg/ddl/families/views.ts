import type { ViewChange } from '../../../../diff/families/views.js'
import type { FamilyRenderers } from '../family-renderers.js'
import {
  columnTarget,
  commentOn,
  indexComments,
  indexTarget,
  viewComments,
  viewTarget,
} from '../render-comments.js'
import { createView } from '../render-create.js'
import { createIndex, qualified } from '../render-parts.js'
import { viewColumnDefault, viewDefaults } from '../render-view-defaults.js'

export const viewRenderers: FamilyRenderers<ViewChange> = {
  'create-view': (change) => [
    createView(change.view),
    ...viewComments(change.view),
    ...viewDefaults(change.view),
  ],
  'drop-view': (change) => {
    const kind = change.view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'
    return [`DROP ${kind} ${qualified(change.view.schema, change.view.name)}`]
  },
  'create-view-index': (change) => [
    createIndex(change.view, change.index),
    ...indexComments(change.view, change.index),
  ],
  'drop-view-index': (change) => [`DROP INDEX ${qualified(change.view.schema, change.index.name)}`],
  'set-view-comment': (change) => [
    commentOn(viewTarget(change.view.schema, change.view.name, change.materialized), change.to),
  ],
  'set-view-index-comment': (change) => [commentOn(indexTarget(change.view.schema, change.index), change.to)],
  'set-view-column-comment': (change) => [
    commentOn(columnTarget(change.view.schema, change.view.name, change.column), change.to),
  ],
  'set-view-column-default': (change) => [viewColumnDefault(change.view, change.column, change.to)],
}
