import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolvePglite } from './import-pglite.js'

type PGliteClass = typeof import('@electric-sql/pglite')['PGlite']

/**
 * A freshly initialized PGlite data directory, archived once per PGlite version, so that neither the
 * shadow database nor the project's embedded database runs initdb (about three quarters of
 * PGlite's start-up) more than once on a machine.
 *
 * Looked up in the project's cache folder (where earlier versions kept it), then in the machine's
 * cache shared by every project: TIDEMARK_CACHE_DIR, else $XDG_CACHE_HOME/tidemark, else
 * ~/.cache/tidemark. A new archive goes to the shared folder, or to the project's when the shared
 * one cannot be written.
 */
export async function pristineArchive(
  pglite: PGliteClass,
  projectCacheDir?: string | undefined,
): Promise<Uint8Array> {
  const name = `pglite-${await pgliteVersion()}.tar`
  const folders = [projectCacheDir, sharedCacheDir()].filter((folder) => folder !== undefined)
  for (const folder of folders) {
    const cached = await readFile(join(folder, name)).catch(() => undefined)
    if (cached !== undefined) return cached
  }
  const client = await pglite.create()
  const archive = new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer())
  await client.close()
  for (const folder of folders.reverse()) {
    if (await writeAtomically(folder, name, archive)) break
  }
  return archive
}

/** The machine-wide cache folder; undefined when there is no home directory to put it in. */
export function sharedCacheDir(): string | undefined {
  const explicit = process.env.TIDEMARK_CACHE_DIR
  if (explicit !== undefined && explicit !== '') return explicit
  const xdg = process.env.XDG_CACHE_HOME
  if (xdg !== undefined && xdg !== '') return join(xdg, 'tidemark')
  const home = homedir()
  return home === '' ? undefined : join(home, '.cache', 'tidemark')
}

/**
 * Written under a temporary name and renamed, so a file with the final name is complete even when
 * several runs race to create it. False when the folder cannot be written.
 */
async function writeAtomically(folder: string, name: string, content: Uint8Array): Promise<boolean> {
  const partial = join(folder, `${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await mkdir(folder, { recursive: true })
    await removeStalePartials(folder)
    await writeFile(partial, content)
    await rename(partial, join(folder, name))
    return true
  } catch {
    await rm(partial, { force: true }).catch(() => {})
    return false
  }
}

/** Archives left half-written by runs that were killed, after an hour. */
async function removeStalePartials(folder: string): Promise<void> {
  const entries = await readdir(folder).catch(() => [] as string[])
  const hourAgo = Date.now() - 60 * 60 * 1000
  for (const entry of entries) {
    if (!entry.endsWith('.tmp')) continue
    const path = join(folder, entry)
    const info = await stat(path).catch(() => undefined)
    if (info !== undefined && info.mtimeMs < hourAgo) await rm(path, { force: true })
  }
}

/**
 * A Blob over bytes already in memory. Node's own Blob hands back a 40 MB archive through chunked
 * copies that cost about half a second (measured with a CPU profile); PGlite only reads it whole.
 */
export class ArchiveBlob extends Blob {
  constructor(private readonly archive: Uint8Array) {
    super([])
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.archive
    const whole = byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer
    return Promise.resolve(whole ? buffer : (this.archive.slice().buffer as ArrayBuffer))
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
