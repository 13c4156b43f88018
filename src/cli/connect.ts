import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../database/database.js'
import { openDatabaseUrl } from '../drivers/open-url.js'
import { CliError } from './cli-error.js'
import { describeConnectionError, urlProblem } from './connection-error.js'
import type { Settings } from './settings.js'

/**
 * The live database: the configured URL, or an embedded PGlite database kept in `.tidemark/pglite`
 * next to the config, so a project runs with no server at all. Checks the connection before
 * returning, so a wrong URL fails here with a clear message.
 */
export async function openLiveDatabase(settings: Settings): Promise<Database> {
  if (settings.databaseUrl === undefined) {
    const dataDir = embeddedDataDir(settings)
    await mkdir(dataDir, { recursive: true })
    const { PGlite } = await import('@electric-sql/pglite').catch(() => {
      throw new CliError(
        'No database URL is configured and PGlite is not installed. Set DATABASE_URL (or --url), or install @electric-sql/pglite.',
      )
    })
    const { fromPGlite } = await import('../drivers/pglite.js')
    const { pgliteContribExtensions } = await import('../drivers/pglite-contrib.js')
    const extensions = await pgliteContribExtensions()
    // A new embedded database starts as a copy of the pristine data directory the shadow uses,
    // instead of running initdb again.
    if ((await readdir(dataDir)).length === 0) {
      const { ArchiveBlob, pristineArchive } = await import('../migrate/generate/pglite-archive.js')
      const archive = await pristineArchive(PGlite, join(settings.baseDir, '.tidemark', 'cache'))
      return fromPGlite(await PGlite.create(dataDir, { extensions, loadDataDir: new ArchiveBlob(archive) }))
    }
    return fromPGlite(await PGlite.create(dataDir, { extensions }))
  }
  const problem = urlProblem(settings.databaseUrl)
  if (problem !== undefined) throw new CliError(problem)
  let db: Database
  try {
    db = await openDatabaseUrl(settings.databaseUrl)
  } catch (error) {
    throw new CliError((error as Error).message, 2, { cause: error })
  }
  try {
    await db.execute({ sql: 'select 1', params: [] })
  } catch (error) {
    await db.close().catch(() => {})
    throw new CliError(describeConnectionError(error, settings.databaseUrl), 2, { cause: error })
  }
  return db
}

/** Where the embedded live database keeps its files. */
export function embeddedDataDir(settings: Pick<Settings, 'baseDir'>): string {
  return join(settings.baseDir, '.tidemark', 'pglite')
}
