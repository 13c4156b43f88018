import type { Queryable } from '../../database/database.js'
import { sql } from '../../sql/sql.js'
import { type JournalOptions, journalTable } from './journal.js'

/**
 * Records a migration applied inside the current transaction, with the role that applied it: the
 * owner of what it created, which `check` expects to find as their owner.
 */
export async function recordApplied(
  db: Queryable,
  journal: JournalOptions,
  row: { name: string; checksum: string; downChecksum: string; durationMs: number },
): Promise<void> {
  await db.execute(sql`
    insert into ${journalTable(journal)} (name, checksum, down_checksum, applied_at, duration_ms, applied_by)
    values (${row.name}, ${row.checksum}, ${row.downChecksum}, clock_timestamp(), ${row.durationMs}, current_user)`)
}

/** Claims a no-transaction migration: a row with applied_at null that other runners wait on. */
export async function recordClaim(
  db: Queryable,
  journal: JournalOptions,
  row: { name: string; checksum: string; downChecksum: string },
): Promise<void> {
  await db.execute(sql`
    insert into ${journalTable(journal)} (name, checksum, down_checksum, applied_at, applied_by)
    values (${row.name}, ${row.checksum}, ${row.downChecksum}, null, current_user)`)
}

/** Sets applied_at (now, or a given earlier time) and the duration of a claimed migration. */
export async function markApplied(
  db: Queryable,
  journal: JournalOptions,
  name: string,
  durationMs: number | null,
  appliedAt?: Date,
): Promise<void> {
  const at = appliedAt === undefined ? sql`clock_timestamp()` : sql`${appliedAt.toISOString()}::timestamptz`
  await db.execute(sql`
    update ${journalTable(journal)} set applied_at = ${at}, duration_ms = ${durationMs} where name = ${name}`)
}

/** Marks an applied migration as in progress again (a no-transaction down.sql is running). */
export async function markUnfinished(db: Queryable, journal: JournalOptions, name: string): Promise<void> {
  await db.execute(sql`
    update ${journalTable(journal)} set applied_at = null, claimer_pid = null, claimer_started_at = null
    where name = ${name}`)
}

export async function deleteRow(db: Queryable, journal: JournalOptions, name: string): Promise<void> {
  await db.execute(sql`delete from ${journalTable(journal)} where name = ${name}`)
}

/** Accepts a deliberate edit of an applied migration: the journal takes the files' new checksums. */
export async function updateChecksum(
  db: Queryable,
  journal: JournalOptions,
  name: string,
  checksums: { checksum: string; downChecksum: string },
): Promise<void> {
  await db.execute(sql`
    update ${journalTable(journal)} set checksum = ${checksums.checksum}, down_checksum = ${checksums.downChecksum}
    where name = ${name}`)
}

/**
 * Records down.sql's checksum in a row written before the journal kept it (only there: a recorded
 * one is never overwritten). From then on an edit of that down.sql is caught too.
 */
export async function fillDownChecksum(
  db: Queryable,
  journal: JournalOptions,
  name: string,
  downChecksum: string,
): Promise<void> {
  await db.execute(sql`
    update ${journalTable(journal)} set down_checksum = ${downChecksum}
    where name = ${name} and down_checksum is null`)
}
