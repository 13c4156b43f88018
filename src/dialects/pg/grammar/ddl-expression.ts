import { compile } from '../../../sql/compile.js'
import type { SQL } from '../../../sql/sql.js'

/** A fragment as DDL text: parameters inlined as literals, columns unqualified (as inside CREATE TABLE). */
export function ddlExpression(fragment: SQL): string {
  return compile(fragment, { inline: true, qualifyColumns: false }).sql.trim()
}

/** A query as DDL text (view bodies): parameters inlined, columns qualified by their table. */
export function ddlQuery(fragment: SQL): string {
  return compile(fragment, { inline: true, qualifyColumns: true }).sql.trim()
}
