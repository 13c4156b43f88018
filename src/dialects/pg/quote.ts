/** Always quotes: `users` becomes `"users"`, `a"b` becomes `"a""b"`. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Quotes a string literal the way PostgreSQL's quote_literal() does (E'' when it holds a backslash). */
export function quoteLiteral(value: string): string {
  const quoted = value.replaceAll("'", "''")
  return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`
}
