import { PGlite, type PGliteOptions } from '@electric-sql/pglite'
import { ArchiveBlob, pristineArchive } from '../../src/migrate/generate/pglite-archive.js'

/**
 * A new in-memory (or, with `dataDir`, on-disk) PGlite started from the machine's pristine archive
 * rather than by initdb, as the CLI and the shadow start theirs: several seconds of CPU saved per
 * database, which adds up over a suite that opens hundreds. `dataDir` must be new or empty.
 */
export async function createPGlite(options: PGliteOptions = {}): Promise<PGlite> {
  const archive = await pristineArchive(PGlite)
  return PGlite.create({ ...options, loadDataDir: new ArchiveBlob(archive) })
}
