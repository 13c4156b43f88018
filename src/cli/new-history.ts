import { access } from 'node:fs/promises'
import { readJournal } from '../migrate/runner/journal.js'
import { CliError } from './cli-error.js'
import { embeddedDataDir, openLiveDatabase } from './connect.js'
import type { Settings } from './settings.js'

/**
 * `generate` creates the migrations folder when it does not exist, but only for a new project: a
 * live database that records applied migrations means the path is wrong, and a fresh history
 * there would recreate every table. Refuses that case.
 */
export async function assertHistoryMayStart(settings: Settings): Promise<void> {
  if (await exists(settings.migrations)) return
  if (settings.databaseUrl === undefined && !(await exists(embeddedDataDir(settings)))) return
  const rows = await appliedMigrations(settings)
  if (rows.length === 0) return
  throw new CliError(
    `${settings.migrations}: the migrations folder does not exist, but the database records ${rows.length} applied migration${rows.length === 1 ? '' : 's'} (the latest ${rows.at(-1)}).\nPoint the migrations setting (or --migrations) at the folder that holds them.`,
  )
}

async function appliedMigrations(settings: Settings): Promise<string[]> {
  let db: Awaited<ReturnType<typeof openLiveDatabase>>
  try {
    db = await openLiveDatabase(settings)
  } catch (error) {
    throw new CliError(
      `${settings.migrations} does not exist, and the database could not be read to confirm that nothing was migrated yet: ${(error as Error).message}\nFix the connection, or create the folder to start a new migration history.`,
      2,
      { cause: error },
    )
  }
  try {
    return (await readJournal(db, settings.journal)).map((row) => row.name)
  } finally {
    await db.close()
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}
