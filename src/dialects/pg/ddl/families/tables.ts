import type { TableChange } from '../../../../diff/families/tables.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { commentOn, tableComments, tableTarget } from '../render-comments.js'
import { createTable } from '../render-create.js'
import { alterTable, qualified, replicaIdentityClause } from '../render-parts.js'
import { tableRowLevelSecurity } from '../render-row-level-security.js'

export const tableRenderers: FamilyRenderers<TableChange> = {
  'create-table': (change) => [
    createTable(change.table),
    ...tableRowLevelSecurity(change.table),
    ...tableComments(change.table),
  ],
  'drop-table': (change) => [`DROP TABLE ${qualified(change.table.schema, change.table.name)}`],
  'rename-table': (change) => [
    `ALTER TABLE ${qualified(change.schema, change.from)} RENAME TO ${quoteIdent(change.to)}`,
  ],
  'set-table-comment': (change) => [
    commentOn(tableTarget(change.table.schema, change.table.name), change.to),
  ],
  'set-unlogged': (change) => [alterTable(change.table, change.unlogged ? 'SET UNLOGGED' : 'SET LOGGED')],
  'set-replica-identity': (change) => [alterTable(change.table, replicaIdentityClause(change.to))],
}
