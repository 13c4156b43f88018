import type { ConstraintChange } from '../../../../diff/families/constraints.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { commentOn, constraintComments, constraintTarget } from '../render-comments.js'
import { alterTable, columnList, foreignKeyConstraint, notValid, uniqueConstraint } from '../render-parts.js'

const dropConstraint = (change: { table: { schema: string; name: string } }, name: string): string[] => [
  alterTable(change.table, `DROP CONSTRAINT ${quoteIdent(name)}`),
]

export const constraintRenderers: FamilyRenderers<ConstraintChange> = {
  'add-primary-key': ({ table, primaryKey: pk }) => [
    alterTable(table, `ADD CONSTRAINT ${quoteIdent(pk.name)} PRIMARY KEY ${columnList(pk.columns)}`),
    ...constraintComments(table, pk),
  ],
  'drop-primary-key': (change) => dropConstraint(change, change.primaryKey.name),
  'add-unique': (change) => [
    alterTable(change.table, `ADD ${uniqueConstraint(change.unique)}`),
    ...constraintComments(change.table, change.unique),
  ],
  'drop-unique': (change) => dropConstraint(change, change.unique.name),
  'add-check': (change) => [
    alterTable(
      change.table,
      `ADD CONSTRAINT ${quoteIdent(change.check.name)} CHECK (${change.check.expression})${notValid(change.check)}`,
    ),
    ...constraintComments(change.table, change.check),
  ],
  'drop-check': (change) => dropConstraint(change, change.check.name),
  'add-foreign-key': (change) => [
    alterTable(change.table, `ADD ${foreignKeyConstraint(change.foreignKey)}`),
    ...constraintComments(change.table, change.foreignKey),
  ],
  'drop-foreign-key': (change) => dropConstraint(change, change.foreignKey.name),
  'rename-constraint': (change) => [
    alterTable(change.table, `RENAME CONSTRAINT ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`),
  ],
  'set-constraint-comment': (change) => [
    commentOn(constraintTarget(change.table, change.constraint), change.to),
  ],
}
