import type { Queryable } from '../database/database.js'
import { quoteIdent } from '../dialects/pg/quote.js'
import { TidemarkError } from '../errors.js'
import { sql } from '../sql/sql.js'
import { lockJournal } from './journal-lock.js'

/** Where the journal of applied migrations lives. */
export interface JournalOptions {
  readonly schema: string
  readonly table: string
}

export const DEFAULT_JOURNAL: JournalOptions = Object.freeze({
  schema: 'public',
  table: 'tidemark_migrations',
})

/** One row of the journal: a migration applied (or, with appliedAt null, still running). */
export interface JournalRow {
  readonly name: string
  /** sha256 of the up.sql that was applied. */
  readonly checksum: string
  /** When the migration finished; null while a no-transaction migration is running. */
  readonly appliedAt: Date | null
  readonly durationMs: number | null
  /** When the migration started (or was claimed by a runner). */
  readonly startedAt: Date
}

/** `"schema"."table"` of the journal, for messages and SQL. */
export function journalName(journal: JournalOptions): string {
  return `${quoteIdent(journal.schema)}.${quoteIdent(journal.table)}`
}

export function journalTable(journal: JournalOptions) {
  return sql.identifier(journal.schema, journal.table)
}

async function journalExists(db: Queryable, journal: JournalOptions): Promise<boolean> {
  const { rows } = await db.execute<{ exists: boolean }>(
    sql`select to_regclass(${journalName(journal)}) is not null as exists`,
  )
  return rows[0]?.exists === true
}

/**
 * The journal's rows ordered by name. A journal table that does not exist is an empty journal (and
 * is not created: reading must not change the database).
 */
export async function readJournal(
  db: Queryable,
  journal: JournalOptions = DEFAULT_JOURNAL,
): Promise<JournalRow[]> {
  if (!(await journalExists(db, journal))) return []
  const { rows } = await db.execute<JournalRow>(sql`
    select name, checksum, applied_at as "appliedAt", duration_ms as "durationMs", started_at as "startedAt"
    from ${journalTable(journal)} order by name collate "C"`)
  return rows
}

/**
 * Creates the journal (and its schema) when missing, safely when several runners start at once.
 * `IF NOT EXISTS` alone is not enough: two concurrent CREATEs collide on the catalog's unique
 * indexes. So creation happens under the journal's advisory lock, after checking again. That check
 * can still miss a table another runner committed while this one waited, because an advisory lock,
 * unlike a table lock, does not refresh the session's catalog cache: the resulting "already exists"
 * error is answered by checking once more in a new transaction, which does refresh it.
 */
export async function ensureJournal(db: Queryable, journal: JournalOptions = DEFAULT_JOURNAL): Promise<void> {
  if (await journalExists(db, journal)) return addClaimerColumns(db, journal)
  try {
    await createJournal(db, journal)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const raced = code === '42P07' || code === '42P06' || code === '23505'
    if (!raced || !(await journalExists(db, journal))) throw error
  }
}

async function createJournal(db: Queryable, journal: JournalOptions): Promise<void> {
  await db.transaction(async (tx) => {
    await lockJournal(tx, journal)
    if (await journalExists(tx, journal)) return
    const { rows } = await tx.execute<{ exists: boolean }>(
      sql`select to_regnamespace(${quoteIdent(journal.schema)}) is not null as exists`,
    )
    if (!rows[0]?.exists) await tx.execute(sql`create schema ${sql.identifier(journal.schema)}`)
    await tx.execute(sql`
      create table ${journalTable(journal)} (
        name text collate "C" primary key,
        checksum text not null,
        applied_at timestamptz,
        duration_ms integer,
        started_at timestamptz not null default clock_timestamp(),
        claimer_pid integer,
        claimer_started_at timestamptz
      )`)
  })
}

/**
 * Journals created before the runner recorded who claims a no-transaction migration get the two
 * columns (see claimer.ts). Checked first, so an up-to-date journal is never locked for it.
 */
async function addClaimerColumns(db: Queryable, journal: JournalOptions): Promise<void> {
  const { rows } = await db.execute<{ count: number }>(sql`
    select count(*)::int as count from pg_attribute
    where attrelid = to_regclass(${journalName(journal)}) and not attisdropped
      and attname in ('claimer_pid', 'claimer_started_at')`)
  if (rows[0]?.count === 2) return
  const alter = `alter table ${journalName(journal)} add column if not exists claimer_pid integer, add column if not exists claimer_started_at timestamptz`
  try {
    await db.transaction(async (tx) => {
      await lockJournal(tx, journal)
      await tx.execute(sql.raw(alter))
    })
  } catch (error) {
    if ((error as { code?: unknown }).code !== '42501') throw error
    throw new TidemarkError(
      `The journal ${journalName(journal)} needs two new columns, and only its owner can add them: ` +
        `have the owner run \`${alter}\`, then migrate again`,
      { cause: error },
    )
  }
}
