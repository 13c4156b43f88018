import type { Queryable } from '../../database/database.js'
import { quoteIdent } from '../../dialects/pg/grammar/index.js'
import { TidemarkError } from '../../errors.js'
import { sql } from '../../sql/sql.js'
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
  /**
   * sha256 of the down.sql beside it; null in rows written before the journal recorded it (the
   * next `migrate` fills them in from the folder).
   */
  readonly downChecksum: string | null
  /** When the migration finished; null while a no-transaction migration is running. */
  readonly appliedAt: Date | null
  readonly durationMs: number | null
  /** When the migration started (or was claimed by a runner). */
  readonly startedAt: Date
  /**
   * The role that applied it (current_user then), the owner of what it created; null in rows
   * written before the journal recorded it (the journal's owner stands in for them).
   */
  readonly appliedBy: string | null
}

/** `"schema"."table"` of the journal, for messages and SQL. */
export function journalName(journal: JournalOptions): string {
  return `${quoteIdent(journal.schema)}.${quoteIdent(journal.table)}`
}

export function journalTable(journal: JournalOptions) {
  return sql.identifier(journal.schema, journal.table)
}

interface JournalShape {
  readonly exists: boolean
  readonly downChecksum: boolean
  readonly claimer: boolean
  readonly appliedBy: boolean
}

/**
 * Whether the journal exists, and whether it has the columns later versions added: down_checksum,
 * the claimer's columns (see claimer.ts) and applied_by. Earlier versions' journals lack them.
 */
async function journalShape(db: Queryable, journal: JournalOptions): Promise<JournalShape> {
  const { rows } = await db.execute<JournalShape>(sql`
    select to_regclass(${journalName(journal)}) is not null as exists,
      exists (
        select from pg_attribute
        where attrelid = to_regclass(${journalName(journal)}) and attname = 'down_checksum' and not attisdropped
      ) as "downChecksum",
      exists (
        select from pg_attribute
        where attrelid = to_regclass(${journalName(journal)}) and attname = 'applied_by' and not attisdropped
      ) as "appliedBy",
      (select count(*) from pg_attribute
        where attrelid = to_regclass(${journalName(journal)}) and not attisdropped
          and attname in ('claimer_pid', 'claimer_started_at')) = 2 as claimer`)
  const row = rows[0]
  return {
    exists: row?.exists === true,
    downChecksum: row?.downChecksum === true,
    claimer: row?.claimer === true,
    appliedBy: row?.appliedBy === true,
  }
}

async function journalExists(db: Queryable, journal: JournalOptions): Promise<boolean> {
  return (await journalShape(db, journal)).exists
}

/**
 * The journal's rows ordered by name. A journal table that does not exist is an empty journal (and
 * is not created: reading must not change the database).
 */
export async function readJournal(
  db: Queryable,
  journal: JournalOptions = DEFAULT_JOURNAL,
): Promise<JournalRow[]> {
  const shape = await journalShape(db, journal)
  if (!shape.exists) return []
  // A journal an earlier version created, not yet upgraded by `migrate`: read, never altered, here.
  const down = shape.downChecksum ? sql`down_checksum` : sql`null::text`
  const by = shape.appliedBy ? sql`applied_by` : sql`null::text`
  const { rows } = await db.execute<JournalRow>(sql`
    select name, checksum, ${down} as "downChecksum", applied_at as "appliedAt", duration_ms as "durationMs",
      started_at as "startedAt", ${by} as "appliedBy"
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
  const shape = await journalShape(db, journal)
  if (shape.exists) {
    // Checked first, so an up-to-date journal is never locked for it.
    if (!shape.downChecksum || !shape.claimer || !shape.appliedBy) await upgradeJournal(db, journal, shape)
    return
  }
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
        down_checksum text,
        applied_at timestamptz,
        duration_ms integer,
        started_at timestamptz not null default clock_timestamp(),
        claimer_pid integer,
        claimer_started_at timestamptz,
        applied_by text
      )`)
  })
}

/**
 * Upgrades a journal an earlier version created: down.sql's checksum, the runner that claims a
 * no-transaction migration and the role that applied a migration get their columns, null in the
 * existing rows (no default: who applied an old row is not known, and the journal's owner stands in
 * for it). Earlier versions name their columns, so they keep reading and writing it.
 */
async function upgradeJournal(db: Queryable, journal: JournalOptions, shape: JournalShape): Promise<void> {
  const missing = [
    ...(shape.downChecksum ? [] : ['down_checksum text']),
    ...(shape.claimer ? [] : ['claimer_pid integer', 'claimer_started_at timestamptz']),
    ...(shape.appliedBy ? [] : ['applied_by text']),
  ]
  const alter = `alter table ${journalName(journal)} ${missing.map((column) => `add column if not exists ${column}`).join(', ')}`
  try {
    await db.transaction(async (tx) => {
      await lockJournal(tx, journal)
      await tx.execute(sql.raw(alter))
    })
  } catch (error) {
    if ((error as { code?: unknown }).code !== INSUFFICIENT_PRIVILEGE) throw error
    throw new TidemarkError(
      `The journal ${journalName(journal)} needs ${missing.length === 1 ? 'a new column' : `${missing.length} new columns`}, and only its owner can add them: ` +
        `have the owner run \`${alter}\`, then migrate again`,
      { cause: error },
    )
  }
}

const INSUFFICIENT_PRIVILEGE = '42501'
