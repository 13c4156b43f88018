import type { Queryable } from '../../database/database.js'
import { sql } from '../../sql/sql.js'
import { type JournalOptions, type JournalRow, journalName, journalTable } from './journal.js'

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
 * Introspection's `migrationRoles` for a live database: the roles the journal's rows name (from
 * `rows` when they were read already), or nothing (the session's own role) when no migration is
 * recorded yet. Reads only the journal's applied_by, so it asks nothing else of the table.
 */
export async function migrationRolesOption(
  db: Queryable,
  journal: JournalOptions,
  rows?: readonly Pick<JournalRow, 'appliedBy'>[],
): Promise<{ migrationRoles?: readonly string[] }> {
  const appliers = await journalAppliers(db, journal, rows ?? (await appliedByColumn(db, journal)))
  return appliers.length === 0 ? {} : { migrationRoles: appliers }
}

/** Each row's applied_by; null for all of them in a journal from before it was recorded. */
async function appliedByColumn(
  db: Queryable,
  journal: JournalOptions,
): Promise<{ appliedBy: string | null }[]> {
  const { rows } = await db.execute<{ exists: boolean; recorded: boolean }>(sql`
    select to_regclass(${journalName(journal)}) is not null as exists,
      exists (
        select from pg_attribute
        where attrelid = to_regclass(${journalName(journal)}) and attname = 'applied_by' and not attisdropped
      ) as recorded`)
  if (rows[0]?.exists !== true) return []
  const column = rows[0].recorded ? sql`applied_by` : sql`null::text`
  return (
    await db.execute<{ appliedBy: string | null }>(
      sql`select distinct ${column} as "appliedBy" from ${journalTable(journal)}`,
    )
  ).rows
}
