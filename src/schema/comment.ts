import type { CommentSpec, TableExtra } from './table-extras.js'

/**
 * COMMENT ON TABLE, declared among the table's extras: documentation kept in the database, where
 * psql's `\d+` and other tools show it. At most one per table; an empty text is no comment.
 *
 * @example
 * export const users = table('users', { email: text().notNull().comment('Login, unique') },
 *   (t) => [comment('Registered users'), index().on(t.email)])
 * // CREATE TABLE "public"."users" (...); COMMENT ON TABLE "public"."users" IS 'Registered users'
 */
export function comment(text: string): TableExtra & { spec: CommentSpec } {
  return { spec: Object.freeze({ kind: 'comment', text: commentArgument(text) }) }
}

/** The text given to a `comment()` or `.comment()`, refused when it is not a string. */
export function commentArgument(text: unknown): string {
  if (typeof text !== 'string') throw new TypeError('comment() takes a string')
  return text
}
