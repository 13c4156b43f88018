import type { Queryable } from '../../database/database.js'
import { sql } from '../../sql/sql.js'
import { type JournalOptions, type JournalRow, journalName, readJournal } from './journal.js'

/**
 * The roles that applied the journal's migrations, and so own what they created: each row's
 * applied_by, and the journal table's owner for rows written before that was recorded (the role
 * that first migrated). Empty for an empty or missing journal.
 */
export async function journalAppliers(
  db: Queryable,
  journal: JournalOptions,
  rows: readonly Pick<JournalRow, 'appliedBy'>[],
): Promise<string[]> {
  const roles = new Set(rows.flatMap((row) => (row.appliedBy === null ? [] : [row.appliedBy])))
  if (rows.some((row) => row.appliedBy === null)) {
    const { rows: found } = await db.execute<{ owner: string | null }>(sql`
      select pg_get_userbyid(relowner)::text as owner from pg_class where oid = to_regclass(${journalName(journal)})`)
    const owner = found[0]?.owner
    if (owner != null) roles.add(owner)
  }
  return [...roles].sort()
}

/**
 * Introspection's `migrationRoles` for a live database: the journal's appliers, or nothing (the
 * session's own role) when no migration is recorded yet.
 */
export async function migrationRolesOption(
  db: Queryable,
  journal: JournalOptions,
  rows?: readonly Pick<JournalRow, 'appliedBy'>[],
): Promise<{ migrationRoles?: readonly string[] }> {
  const appliers = await journalAppliers(db, journal, rows ?? (await readJournal(db, journal)))
  return appliers.length === 0 ? {} : { migrationRoles: appliers }
}
