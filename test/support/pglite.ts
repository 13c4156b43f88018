import { access, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PGlite, type PGliteOptions } from '@electric-sql/pglite'
import { ArchiveBlob, pristineArchive } from '../../src/migrate/replay/pglite-archive.js'

/**
 * A new in-memory (or, with `dataDir`, on-disk) PGlite started from the machine's pristine archive
 * rather than by initdb, as the CLI and the shadow start theirs: several seconds of CPU saved per
 * database, which adds up over a suite that opens hundreds. `dataDir` must be new or empty.
 */
export async function createPGlite(options: PGliteOptions = {}): Promise<PGlite> {
  const archive = await pristineArchive(PGlite)
  return PGlite.create({ ...options, loadDataDir: new ArchiveBlob(archive) })
}

/**
 * A PGlite on a project's data directory as the CLI would find it: the database already there, or,
 * when the folder is new or empty, a new one started from the pristine archive (as the CLI starts
 * its embedded database) instead of by initdb.
 */
export async function openPGliteDir(dataDir: string): Promise<PGlite> {
  const existing = await access(join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  )
  if (existing) return PGlite.create(dataDir)
  await mkdir(dataDir, { recursive: true })
  return createPGlite({ dataDir })
}
