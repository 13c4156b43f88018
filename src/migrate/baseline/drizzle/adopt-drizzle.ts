import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database, Transaction } from '../../../database/database.js'
import { DatabaseError } from '../../../errors.js'
import { sql } from '../../../sql/sql.js'
import { MigrationHistoryError } from '../../folder/migration-errors.js'
import { type MigrationFile, readMigrationFolder } from '../../folder/migration-folder.js'
import { assertSumFile, writeSumFile } from '../../folder/sum-file.js'
import { type BaselineOptions, type BaselineResult, baseline } from '../baseline.js'
import { convertDrizzleMigrations } from './convert-drizzle.js'
import {
  countDrizzleApplied,
  DEFAULT_DRIZZLE_JOURNAL,
  type DrizzleJournal,
  drizzleJournalName,
} from './drizzle-applied.js'
import { withGeneratedDowns } from './drizzle-downs.js'
import { readDrizzleFolder } from './drizzle-folder.js'

export interface AdoptDrizzleOptions extends Omit<BaselineOptions, 'to' | 'exclude' | 'afterRecord'> {
  /** drizzle-kit's migrations folder (its config's `out`). */
  readonly drizzleDir: string
  /** The Tidemark migrations folder to write, empty or missing. */
  readonly migrationsDir: string
  readonly drizzleJournal?: DrizzleJournal | undefined
}

export type AdoptDrizzleResult = BaselineResult & {
  /** The migrations written, in order. */
  readonly written: readonly string[]
}

/**
 * Moves a database migrated by drizzle-kit to Tidemark without running anything: the drizzle
 * folder becomes Tidemark migrations (with generated down.sql files, and tidemark.sum), the ones drizzle's journal table records
 * as applied (unedited: their hashes are checked) are baselined, and drizzle's journal table is
 * dropped in the same transaction, so `check` then sees only the application's schema. A database
 * that does not hold what those migrations build is left untouched.
 */
export async function adoptDrizzle(db: Database, options: AdoptDrizzleOptions): Promise<AdoptDrizzleResult> {
  const drizzleJournal = options.drizzleJournal ?? DEFAULT_DRIZZLE_JOURNAL
  const drizzle = await readDrizzleFolder(options.drizzleDir)
  const applied = await countDrizzleApplied(db, drizzle, drizzleJournal)
  if (applied === 0) {
    throw new MigrationHistoryError(
      `${drizzleJournalName(drizzleJournal)} records no migration: the database holds nothing drizzle built, so there is nothing to adopt. Apply the migrations with drizzle's migrator first, then run this again.`,
      [],
    )
  }
  options.onStep?.(`Replaying ${drizzle.length} drizzle migrations to write their down.sql`)
  const migrations = await withGeneratedDowns(
    options.migrationsDir,
    convertDrizzleMigrations(drizzle),
    options,
  )
  await writeMigrations(options.migrationsDir, migrations)
  const folder = await readMigrationFolder(options.migrationsDir)
  assertSumFile(folder)
  const result = await baseline(db, folder, {
    ...options,
    to: migrations[applied - 1]!.name,
    exclude: [drizzleJournal],
    afterRecord: (tx) => dropDrizzleJournal(tx, drizzleJournal, applied),
  })
  return { ...result, written: migrations.map((m) => m.name) }
}

/**
 * Writes the converted migrations into an empty (or missing) folder. A folder that already holds
 * exactly them (an earlier run that found the database different) is left as it is.
 */
async function writeMigrations(dir: string, migrations: readonly MigrationFile[]): Promise<void> {
  const existing = await readMigrationFolder(dir, { allowMissing: true })
  if (existing.migrations.length > 0) {
    const same =
      existing.migrations.length === migrations.length &&
      existing.migrations.every(
        (m, i) =>
          m.name === migrations[i]!.name && m.up === migrations[i]!.up && m.down === migrations[i]!.down,
      )
    if (same) return
    throw new MigrationHistoryError(
      `${dir} already holds Tidemark migrations: convert the drizzle folder into an empty one (--migrations DIR).`,
      existing.migrations.map((m) => m.name),
    )
  }
  for (const migration of migrations) {
    await mkdir(join(dir, migration.name), { recursive: true })
    await writeFile(join(dir, migration.name, 'up.sql'), migration.up)
    if (migration.down !== null) await writeFile(join(dir, migration.name, 'down.sql'), migration.down)
  }
  await writeSumFile(dir, migrations)
}

/**
 * Drops drizzle's journal table, and its schema when nothing else lives there (never `public`). The
 * table is locked first and must still hold the rows adopted: a drizzle migrator that ran meanwhile
 * undoes the whole adoption.
 */
async function dropDrizzleJournal(tx: Transaction, journal: DrizzleJournal, adopted: number): Promise<void> {
  const name = sql.raw(drizzleJournalName(journal))
  await tx.execute(sql`lock table ${name} in access exclusive mode`)
  const { rows } = await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${name}`)
  if (rows[0]?.n !== adopted) {
    throw new MigrationHistoryError(
      `${drizzleJournalName(journal)} changed while the database was compared (a drizzle migrator ran?): nothing was recorded. Run this again.`,
      [],
    )
  }
  await tx.execute(sql`drop table ${name}`)
  if (journal.schema === 'public') return
  try {
    await tx.transaction((inner) =>
      inner.execute(sql`drop schema ${sql.identifier(journal.schema)} restrict`),
    )
  } catch (error) {
    // 2BP01: the schema holds other objects, so it stays.
    if (!(error instanceof DatabaseError && error.code === '2BP01')) throw error
  }
}
