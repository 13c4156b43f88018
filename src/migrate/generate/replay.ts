import { join } from 'node:path'
import type { Database } from '../../database/database.js'
import { applyMigrationSql } from '../apply-migration-sql.js'
import type { MigrationFolder } from '../migration-folder.js'

/**
 * Runs every migration's up.sql, in order, on a scratch database: the schema the migration history
 * builds, hand-written migrations included. Statement by statement, so a failure names its line.
 */
export async function replayMigrations(db: Database, folder: MigrationFolder): Promise<void> {
  for (const migration of folder.migrations) {
    await applyMigrationSql(db, join(folder.dir, migration.name, 'up.sql'), migration.up, {
      transaction: !migration.upNoTransaction,
    })
  }
}
