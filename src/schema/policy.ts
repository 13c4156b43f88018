import type { SQL } from '../sql/sql.js'
import { commentArgument } from './comment.js'
import type { PolicyCommand, PolicySpec, TableExtra } from './table-extras.js'

export interface PolicyOptions {
  /** `permissive` (the default): any one permissive policy lets a row through; `restrictive`: every one must. */
  readonly as?: 'permissive' | 'restrictive'
  /** The command it applies to; `all` (the default) covers every one. */
  readonly for?: PolicyCommand
  /** Role names the policy applies to, referenced and never created; default PUBLIC (every role). */
  readonly to?: readonly string[]
  /** Which existing rows are visible (and may be updated or deleted). */
  readonly using?: SQL
  /** Which new or updated rows may be written. */
  readonly withCheck?: SQL
}

/**
 * CREATE POLICY, declared among the table's extras. A policy only takes effect on a table whose
 * row-level security is enabled (`enableRowLevelSecurity()`); generate warns about one that is not.
 *
 * @example
 * export const notes = table('notes', { id: uuid().primaryKey(), userId: uuid('user_id').notNull() },
 *   (t) => [
 *     enableRowLevelSecurity(),
 *     policy('own_notes', { to: ['app_user'], using: sql`${t.userId} = current_setting('app.user_id')::uuid` }),
 *   ])
 * // CREATE POLICY "own_notes" ON "public"."notes" AS PERMISSIVE FOR ALL TO "app_user"
 * //   USING ("user_id" = current_setting('app.user_id')::uuid)
 */
export function policy(name: string, options: PolicyOptions = {}): Policy {
  if (typeof name !== 'string' || name === '') throw new TypeError('policy() takes a name')
  return new Policy({
    kind: 'policy',
    name,
    permissive: (options.as ?? 'permissive') === 'permissive',
    command: options.for ?? 'all',
    roles: options.to === undefined ? undefined : [...options.to],
    using: options.using,
    withCheck: options.withCheck,
  })
}

export class Policy implements TableExtra {
  constructor(readonly spec: PolicySpec) {
    Object.freeze(spec)
  }

  /** COMMENT ON POLICY: documentation kept in the database. An empty text is no comment. */
  comment(text: string): Policy {
    return new Policy({ ...this.spec, comment: commentArgument(text) })
  }
}
