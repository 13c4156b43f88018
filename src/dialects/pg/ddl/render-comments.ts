import type { EnumModel, IndexModel, PolicyModel, TableModel, ViewModel } from '../../../model/types.js'
import { quoteIdent, quoteLiteral } from '../grammar/quote.js'
import { qualified } from './render-parts.js'

// What a COMMENT ON statement names: `TABLE "s"."t"`, `COLUMN "s"."t"."c"`, `TYPE "s"."e"`...
export const tableTarget = (schema: string, name: string): string => `TABLE ${qualified(schema, name)}`
export const columnTarget = (schema: string, table: string, column: string): string =>
  `COLUMN ${qualified(schema, table)}.${quoteIdent(column)}`
// COMMENT ON VIEW refuses a materialized view and the other way round.
export const viewTarget = (schema: string, name: string, materialized: boolean): string =>
  `${materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(schema, name)}`
export const enumTarget = (schema: string, name: string): string => `TYPE ${qualified(schema, name)}`
export const indexTarget = (schema: string, name: string): string => `INDEX ${qualified(schema, name)}`
// A key or check of a table (its index, if any, takes its own COMMENT ON INDEX).
export const constraintTarget = (table: { schema: string; name: string }, name: string): string =>
  `CONSTRAINT ${quoteIdent(name)} ON ${qualified(table.schema, table.name)}`
export const policyTarget = (table: { schema: string; name: string }, name: string): string =>
  `POLICY ${quoteIdent(name)} ON ${qualified(table.schema, table.name)}`

/** `COMMENT ON <target> IS '...'`; null removes the comment. */
export function commentOn(target: string, text: string | null): string {
  return `COMMENT ON ${target} IS ${text === null ? 'NULL' : quoteLiteral(text)}`
}

/**
 * The comments of a table just created: the table's, its columns' in order, then those of the keys
 * and checks its CREATE TABLE holds (foreign keys, indexes and policies come later, with theirs).
 */
export function tableComments(table: TableModel): string[] {
  const statements: string[] = []
  if (table.comment !== null) statements.push(commentOn(tableTarget(table.schema, table.name), table.comment))
  for (const column of table.columns) {
    if (column.comment === null) continue
    statements.push(commentOn(columnTarget(table.schema, table.name, column.name), column.comment))
  }
  const constraints = [
    ...(table.primaryKey === null ? [] : [table.primaryKey]),
    ...table.uniques,
    ...table.checks,
  ]
  for (const constraint of constraints) statements.push(...constraintComments(table, constraint))
  return statements
}

/** The comment of a key or check just added, if it has one. */
export function constraintComments(
  table: { schema: string; name: string },
  constraint: { name: string; comment: string | null },
): string[] {
  if (constraint.comment === null) return []
  return [commentOn(constraintTarget(table, constraint.name), constraint.comment)]
}

/** The comment of an index just created (on a table or a materialized view), if it has one. */
export function indexComments(on: { schema: string }, index: IndexModel): string[] {
  return index.comment === null ? [] : [commentOn(indexTarget(on.schema, index.name), index.comment)]
}

/** The comment of a policy just created, if it has one. */
export function policyComments(table: { schema: string; name: string }, policy: PolicyModel): string[] {
  return policy.comment === null ? [] : [commentOn(policyTarget(table, policy.name), policy.comment)]
}

/** The comments of a view just created: the view's, then its columns'. */
export function viewComments(view: ViewModel): string[] {
  return [
    ...(view.comment === null
      ? []
      : [commentOn(viewTarget(view.schema, view.name, view.materialized), view.comment)]),
    ...view.columnComments.map((c) => commentOn(columnTarget(view.schema, view.name, c.column), c.comment)),
  ]
}

/** The comment of an enum just created, if it has one. */
export function enumComments(e: EnumModel): string[] {
  return e.comment === null ? [] : [commentOn(enumTarget(e.schema, e.name), e.comment)]
}
