import type { EnumModel, TableModel, ViewModel } from '../../../model/types.js'
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

/** `COMMENT ON <target> IS '...'`; null removes the comment. */
export function commentOn(target: string, text: string | null): string {
  return `COMMENT ON ${target} IS ${text === null ? 'NULL' : quoteLiteral(text)}`
}

/** The comments of a table just created: the table's, then its columns' in order. */
export function tableComments(table: TableModel): string[] {
  const statements: string[] = []
  if (table.comment !== null) statements.push(commentOn(tableTarget(table.schema, table.name), table.comment))
  for (const column of table.columns) {
    if (column.comment === null) continue
    statements.push(commentOn(columnTarget(table.schema, table.name, column.name), column.comment))
  }
  return statements
}

/** The comment of a view just created, if it has one. */
export function viewComments(view: ViewModel): string[] {
  if (view.comment === null) return []
  return [commentOn(viewTarget(view.schema, view.name, view.materialized), view.comment)]
}

/** The comment of an enum just created, if it has one. */
export function enumComments(e: EnumModel): string[] {
  return e.comment === null ? [] : [commentOn(enumTarget(e.schema, e.name), e.comment)]
}
