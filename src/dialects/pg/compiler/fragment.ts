import type { CompiledQuery, CompileOptions } from '../../../sql/compiled-query.js'
import type { SQL } from '../../../sql/sql.js'
import { walkFragment } from '../../../sql/walk.js'
import { Writer } from './writer.js'
import { writerParts } from './writer-parts.js'

/**
 * Compiles a `sql` fragment on its own for PostgreSQL: for `db.execute`, or, inline, as DDL text.
 *
 * @example
 * compile(sql`select * from ${users} where ${users.id} = ${1}`)
 * // { sql: 'select * from "public"."users" where "users"."id" = $1', params: ['1'] }
 */
export function compile(fragment: SQL, options: CompileOptions = {}): CompiledQuery {
  const inline = options.inline ?? false
  const w = new Writer(writerParts, {
    inline,
    qualifyColumns: options.qualifyColumns ?? !inline,
    placeholders: false,
  })
  walkFragment(fragment, w)
  return { sql: w.sql, params: w.params }
}

/** A fragment as DDL text: parameters inlined as literals, columns unqualified (as inside CREATE TABLE). */
export function ddlExpression(fragment: SQL): string {
  return compile(fragment, { inline: true, qualifyColumns: false }).sql.trim()
}

/** A query as DDL text (view bodies): parameters inlined, columns qualified by their table. */
export function ddlQuery(fragment: SQL): string {
  return compile(fragment, { inline: true, qualifyColumns: true }).sql.trim()
}
