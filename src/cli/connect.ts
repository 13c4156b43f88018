import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../database/database.js'
import { MissingPackageError } from '../drivers/missing-package-error.js'
import { openDatabaseUrl } from '../drivers/open-url.js'
import type { ContribSelection } from '../drivers/pglite-contrib.js'
import { importPglite } from '../migrate/replay/import-pglite.js'
import { CliError } from './cli-error.js'
import { describeConnectionError, urlProblem } from './connection-error.js'
import type { Settings } from './settings.js'

const LIVE_NEEDS_PGLITE =
  'No database URL is configured, so the database is the embedded PGlite one, and @electric-sql/pglite is not installed.\n' +
  'Install it (npm i -D @electric-sql/pglite), or set databaseUrl in the config (or --url, or DATABASE_URL).'

/**
 * The live database: the configured URL, or an embedded PGlite database kept in `.tidemark/pglite`
 * next to the config, so a project runs with no server at all. Checks the connection before
 * returning, so a wrong URL fails here with a clear message.
 *
 * `extensions`: the contrib extensions the embedded database must be able to run (all by default;
 * `status` reads only the journal and needs none, `migrate` the ones its files create).
 */
export async function openLiveDatabase(
  settings: Settings,
  extensions: ContribSelection = 'all',
): Promise<Database> {
  if (settings.databaseUrl === undefined) {
    const dataDir = embeddedDataDir(settings)
    await mkdir(dataDir, { recursive: true })
    const { PGlite } = await importPglite(LIVE_NEEDS_PGLITE)
    const { fromPGlite } = await import('../drivers/pglite.js')
    const { pgliteContribExtensions } = await import('../drivers/pglite-contrib.js')
    const registered = await pgliteContribExtensions(extensions)
    // A new embedded database starts as a copy of the pristine data directory the shadow uses,
    // instead of running initdb again.
    if ((await readdir(dataDir)).length === 0) {
      const { ArchiveBlob, pristineArchive } = await import('../migrate/replay/pglite-archive.js')
      const archive = await pristineArchive(PGlite, join(settings.baseDir, '.tidemark', 'cache'))
      return fromPGlite(
        await PGlite.create(dataDir, { extensions: registered, loadDataDir: new ArchiveBlob(archive) }),
      )
    }
    return fromPGlite(await PGlite.create(dataDir, { extensions: registered }))
  }
  const problem = urlProblem(settings.databaseUrl)
  if (problem !== undefined) throw new CliError(problem, 2, { code: 'connection' })
  let db: Database
  try {
    db = await openDatabaseUrl(settings.databaseUrl)
  } catch (error) {
    if (error instanceof MissingPackageError) throw error
    throw new CliError((error as Error).message, 2, { cause: error, code: 'connection' })
  }
  try {
    await db.execute({ sql: 'select 1', params: [] })
  } catch (error) {
    await db.close().catch(() => {})
    throw new CliError(describeConnectionError(error, settings.databaseUrl), 2, {
      cause: error,
      code: 'connection',
    })
  }
  return db
}

/** Where the embedded live database keeps its files. */
export function embeddedDataDir(settings: Pick<Settings, 'baseDir'>): string {
  return join(settings.baseDir, '.tidemark', 'pglite')
}
