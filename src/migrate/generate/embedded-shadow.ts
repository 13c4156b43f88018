import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pgliteContribExtensions } from '../../drivers/pglite-contrib.js'
import { importPglite, resolvePglite } from './import-pglite.js'
import type { ShadowDatabase } from './shadow.js'

type PGliteModule = typeof import('@electric-sql/pglite')

/**
 * A shadow database on PGlite in this process, in memory. Starting PGlite from nothing runs initdb,
 * the slow part; with a cache folder, a pristine data directory is archived there once and each run
 * starts from it. (Measured: starting from a copy of an on-disk data directory boots a little faster,
 * but then every statement writes through to disk, and replaying a history costs more than it saves.)
 */
export async function openEmbeddedShadow(cacheDir: string | undefined): Promise<ShadowDatabase> {
  const { PGlite } = await importPglite()
  const { fromPGlite } = await import('../../drivers/pglite.js')
  if (cacheDir !== undefined) await removeStalePartials(cacheDir)
  const archive = cacheDir === undefined ? undefined : await pristineArchive(PGlite, cacheDir)
  const extensions = await pgliteContribExtensions()
  const client = await PGlite.create(
    archive === undefined ? { extensions } : { loadDataDir: new ArchiveBlob(archive), extensions },
  )
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

/**
 * A Blob over bytes already in memory. Node's own Blob hands back a 40 MB archive through chunked
 * copies that cost about half a second (measured with a CPU profile); PGlite only reads it whole.
 */
class ArchiveBlob extends Blob {
  constructor(private readonly archive: Uint8Array) {
    super([])
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.archive
    const whole = byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer
    return Promise.resolve(whole ? buffer : (this.archive.slice().buffer as ArrayBuffer))
  }
}

/** `<cacheDir>/pglite-<version>.tar`: a freshly initialized data directory, archived once. */
async function pristineArchive(pglite: PGliteModule['PGlite'], cacheDir: string): Promise<Uint8Array> {
  const file = join(cacheDir, `pglite-${await pgliteVersion()}.tar`)
  const cached = await readFile(file).catch(() => undefined)
  if (cached !== undefined) return cached
  const client = await pglite.create()
  const archive = new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer())
  await client.close()
  await mkdir(cacheDir, { recursive: true })
  // Written under a temporary name and renamed: a file with the final name is complete, even when
  // several runs race to create it.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(partial, archive)
  await rename(partial, file)
  return archive
}

/** Archives left half-written by runs that were killed, after an hour. */
async function removeStalePartials(cacheDir: string): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => [] as string[])
  const hourAgo = Date.now() - 60 * 60 * 1000
  for (const entry of entries) {
    if (!entry.endsWith('.tmp')) continue
    const path = join(cacheDir, entry)
    const info = await stat(path).catch(() => undefined)
    if (info !== undefined && info.mtimeMs < hourAgo) await rm(path, { force: true })
  }
}

/** The installed PGlite's version: a data directory only loads into the PostgreSQL that wrote it. */
export async function pgliteVersion(): Promise<string> {
  let dir = dirname(fileURLToPath(resolvePglite()))
  for (;;) {
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined)
    if (manifest !== undefined) {
      const parsed = JSON.parse(manifest) as { name?: string; version?: string }
      if (parsed.name === '@electric-sql/pglite' && parsed.version !== undefined) return parsed.version
    }
    const parent = dirname(dir)
    if (parent === dir) return 'unknown'
    dir = parent
  }
}
