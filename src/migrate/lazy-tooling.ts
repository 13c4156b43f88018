import type { Database } from '../database/database.js'
import type { BaselineOptions, BaselineResult } from './baseline/baseline.js'
import type { AdoptDrizzleOptions, AdoptDrizzleResult } from './baseline/drizzle/adopt-drizzle.js'
import type { CheckOptions, CheckReport } from './check/check.js'
import type { MigrationFolder } from './folder/migration-folder.js'
import type { GenerateOptions, GenerateResult } from './generate/generate.js'

// `tidemark/migrate` offers the tooling beside the runner. Each of these loads its module when it
// is first called, so an app that imports the entry to apply migrations at start-up loads none of
// the planner, the replay or the shadow databases (test/migrate/runtime-boundary.test.ts).

/**
 * Writes the next migration (up.sql and down.sql) for the difference between what the migrations
 * build and what the schema declares, and re-hashes the folder. Writes nothing when they agree.
 * Refuses a folder that does not match its integrity file: a plan over edited history is wrong.
 */
export async function generateMigration(options: GenerateOptions): Promise<GenerateResult> {
  const tooling = await import('./generate/generate.js')
  return tooling.generateMigration(options)
}

/**
 * Compares the live database with its migrations and the code: drift (the database against a
 * replay of the migrations applied to it), code ahead of or behind the migrations, and the journal
 * against the files. Reads the live database only.
 */
export async function checkDatabase(options: CheckOptions): Promise<CheckReport> {
  const tooling = await import('./check/check.js')
  return tooling.checkDatabase(options)
}

/**
 * Adopts an existing database: checks that it holds exactly what the migrations up to `to` build
 * (a replay, compared like `check` does), and only then records them as applied, without running
 * them. A database that differs is left untouched and the differences are returned.
 */
export async function baseline(
  db: Database,
  folder: MigrationFolder,
  options: BaselineOptions,
): Promise<BaselineResult> {
  const tooling = await import('./baseline/baseline.js')
  return tooling.baseline(db, folder, options)
}

/**
 * Moves a database migrated by drizzle-kit to Tidemark without running anything: the drizzle
 * folder becomes Tidemark migrations (with generated down.sql files, and tidemark.sum), the ones
 * drizzle's journal table records as applied (unedited: their hashes are checked) are baselined,
 * and drizzle's journal table is dropped in the same transaction, so `check` then sees only the
 * application's schema. A database that does not hold what those migrations build is left untouched.
 */
export async function adoptDrizzle(db: Database, options: AdoptDrizzleOptions): Promise<AdoptDrizzleResult> {
  const tooling = await import('./baseline/drizzle/adopt-drizzle.js')
  return tooling.adoptDrizzle(db, options)
}
