import { join } from 'node:path'
import { applyMigrationSql } from '../apply-migration-sql.js'
import type { MigrationFolder } from '../migration-folder.js'
import type { ShadowDatabase } from './shadow.js'

/**
 * Runs every migration's up.sql, in order, on a scratch database: the schema the migration history
 * builds, hand-written migrations included. A transactional file runs as one script (fast); if that
 * fails, or the file must run outside a transaction, statement by statement, so a failure names its
 * file and line.
 */
export async function replayMigrations(shadow: ShadowDatabase, folder: MigrationFolder): Promise<void> {
  for (const migration of folder.migrations) {
    const file = join(folder.dir, migration.name, 'up.sql')
    const transaction = !migration.upNoTransaction
    await runScriptOrStatements(shadow, file, migration.up, { script: transaction, transaction })
  }
}

/**
 * The fast path first: a script runs as one implicit transaction, so when it fails nothing of it
 * remains and the statement-by-statement run starts from the same state (and reports the failure
 * precisely, or succeeds where the script could not, e.g. CREATE INDEX CONCURRENTLY).
 */
export async function runScriptOrStatements(
  shadow: ShadowDatabase,
  file: string,
  sql: string,
  options: { readonly script: boolean; readonly transaction: boolean },
): Promise<void> {
  if (options.script) {
    try {
      await shadow.runScript(sql)
      return
    } catch {
      // Run again statement by statement below, for the precise error.
    }
  }
  await applyMigrationSql(shadow.db, file, sql, { transaction: options.transaction })
}
