import { type ContribSelection, pgliteContribExtensions } from '../../drivers/pglite-contrib.js'
import { importPglite } from './import-pglite.js'
import { ArchiveBlob, pristineArchive } from './pglite-archive.js'
import type { ShadowDatabase } from './shadow.js'

/**
 * A shadow database on PGlite in this process, in memory. Starting PGlite from nothing runs initdb,
 * the slow part; each run starts from a pristine data directory archived once per PGlite version in
 * the machine's cache, or the project's cache folder when that one cannot be written (see
 * pglite-archive.ts). (Measured: starting from a copy of an on-disk data directory boots a little faster,
 * but then every statement writes through to disk, and replaying a history costs more than it saves.)
 */
export async function openEmbeddedShadow(
  cacheDir: string | undefined,
  selection: ContribSelection = 'all',
): Promise<ShadowDatabase> {
  const { PGlite } = await importPglite()
  const { fromPGlite } = await import('../../drivers/pglite.js')
  const archive = await pristineArchive(PGlite, cacheDir)
  const extensions = await pgliteContribExtensions(selection)
  const client = await PGlite.create({ loadDataDir: new ArchiveBlob(archive), extensions })
  const db = fromPGlite(client)
  return {
    db,
    kind: 'embedded',
    runScript: async (sql) => {
      await client.exec(sql)
    },
    close: () => db.close(),
  }
}
