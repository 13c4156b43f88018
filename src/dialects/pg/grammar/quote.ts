import { TidemarkError } from '../../../errors.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import { QUOTED_KEYWORDS } from './keywords.js'

/** Always quotes: `users` becomes `"users"`, `a"b` becomes `"a""b"`. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * quoteIdent for a name that must reach an object that exists (a table, a column, a constraint).
 * Refused when PostgreSQL would not keep it as written: it truncates a long name, which could then
 * reach another object. Aliases a statement defines are truncated alike where they are used, so
 * they keep plain quoteIdent.
 */
export function quoteObjectName(name: string): string {
  // 21 UTF-16 units take at most 63 bytes; NUL and lone surrogates are refused with the statement text.
  if (name.length > 21 || name === '') {
    const problem = identifierProblem(name)
    if (problem !== undefined)
      throw new TidemarkError(
        `The name ${JSON.stringify(name)} cannot reach PostgreSQL as written: ${problem}. Use the name the object has in PostgreSQL.`,
      )
  }
  return quoteIdent(name)
}

/** Quotes a string literal the way PostgreSQL's quote_literal() does (E'' when it holds a backslash). */
export function quoteLiteral(value: string): string {
  const quoted = value.replaceAll("'", "''")
  return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`
}

/** Quotes only when PostgreSQL would (quote_ident): `users` stays, `User` and `user` become quoted. */
export function quoteIdentIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !QUOTED_KEYWORDS.has(name) ? name : quoteIdent(name)
}

/**
 * A schema-qualified name as PostgreSQL prints a type (format_type) or a relation (regclass) with an
 * empty search_path: `public.role`, `"App"."Kind"`.
 */
export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdentIfNeeded(schema)}.${quoteIdentIfNeeded(name)}`
}
