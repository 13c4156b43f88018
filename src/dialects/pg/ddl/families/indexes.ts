import type { IndexChange } from '../../../../diff/families/indexes.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { commentOn, indexComments, indexTarget } from '../render-comments.js'
import { createIndex, qualified } from '../render-parts.js'

export const indexRenderers: FamilyRenderers<IndexChange> = {
  'create-index': (change) => [
    createIndex(change.table, change.index),
    ...indexComments(change.table, change.index),
  ],
  'drop-index': (change) => [`DROP INDEX ${qualified(change.table.schema, change.index.name)}`],
  'rename-index': (change) => [
    `ALTER INDEX ${qualified(change.schema, change.from)} RENAME TO ${quoteIdent(change.to)}`,
  ],
  'set-index-comment': (change) => [commentOn(indexTarget(change.table.schema, change.index), change.to)],
}
