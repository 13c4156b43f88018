import type { RowLevelSecuritySpec, TableExtra } from './table-extras.js'

/**
 * ALTER TABLE ... ENABLE ROW LEVEL SECURITY, declared among the table's extras: rows are visible
 * and writable only through the table's policies (none means no rows), except to the table's owner
 * and superusers.
 *
 * @example
 * export const notes = table('notes', { id: uuid().primaryKey(), userId: uuid().notNull() },
 *   () => [enableRowLevelSecurity()])
 * // CREATE TABLE "public"."notes" (...); ALTER TABLE "public"."notes" ENABLE ROW LEVEL SECURITY
 */
export function enableRowLevelSecurity(): TableExtra & { spec: RowLevelSecuritySpec } {
  return { spec: Object.freeze({ kind: 'rowLevelSecurity', flag: 'enabled' }) }
}

/**
 * ALTER TABLE ... FORCE ROW LEVEL SECURITY: the policies bind the table's owner too. PostgreSQL
 * keeps this flag apart from the enabled one, and it has no effect until row-level security is
 * enabled as well, so declare both: `[enableRowLevelSecurity(), forceRowLevelSecurity()]`.
 *
 * @example
 * export const notes = table('notes', { id: uuid().primaryKey() },
 *   () => [enableRowLevelSecurity(), forceRowLevelSecurity()])
 * // ALTER TABLE "public"."notes" ENABLE ROW LEVEL SECURITY; ALTER TABLE "public"."notes" FORCE ROW LEVEL SECURITY
 */
export function forceRowLevelSecurity(): TableExtra & { spec: RowLevelSecuritySpec } {
  return { spec: Object.freeze({ kind: 'rowLevelSecurity', flag: 'forced' }) }
}
