import { QUOTED_KEYWORDS } from './keywords.js'

/** Always quotes: `users` becomes `"users"`, `a"b` becomes `"a""b"`. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
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
