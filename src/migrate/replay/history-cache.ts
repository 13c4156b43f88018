import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeModel } from '../../model/serialize.js'
import type { SchemaModel } from '../../model/types.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import { pgliteVersion } from './pglite-archive.js'

/**
 * Bumped whenever introspection reads something it did not before (2: comments; 3: row-level
 * security; 4: policies as part of tables; 5: partition keys and bounds; 6: comments and trigger
 * states of routines, triggers and other objects; 7: domains and composite types as their own
 * objects, with comments; 8: grants; 10: indexes of materialized views; 11: NOT VALID keys and
 * checks; 12: MATCH FULL keys; 13: the model's `others` renamed `definedObjects`; 14: owners other
 * than the migrations' role; 15: casts, publications and extended statistics; 16: comments on
 * indexes, keys, checks and policies, and view column defaults and comments), so a cache written
 * by a development build of the same version is not taken for a complete reading.
 */
const READING_REVISION = 16

/**
 * What the migration history builds is a function of its files, the PostgreSQL that replays them
 * and the Tidemark that reads the result: cached under a hash of all three, so the next `generate`
 * skips the replay. Any edited, added or removed migration is a different hash.
 */
export async function historyCacheFile(
  cacheDir: string,
  folder: MigrationFolder,
  exclude: readonly { schema: string; table: string }[],
): Promise<string> {
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        tidemark: await tidemarkVersion(),
        reading: READING_REVISION,
        pglite: await pgliteVersion(),
        exclude,
        migrations: folder.migrations.map((m) => [m.name, m.checksum, m.upNoTransaction]),
      }),
    )
    .digest('hex')
  return join(cacheDir, `history-${key.slice(0, 32)}.json`)
}

export async function readCachedModel(file: string): Promise<SchemaModel | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  try {
    const model = JSON.parse(text) as SchemaModel
    return model.dialect === 'postgresql' && model.version === 1 ? model : undefined
  } catch {
    return undefined
  }
}

/** Written under a temporary name and renamed, so a reader never sees half a file. */
export async function writeCachedModel(file: string, model: SchemaModel): Promise<void> {
  const dir = join(file, '..')
  await mkdir(dir, { recursive: true })
  await removeOldEntries(dir)
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(partial, serializeModel(model))
  await rename(partial, file)
}

/** Histories not used for a week (other branches, old states). */
async function removeOldEntries(dir: string): Promise<void> {
  const weekAgo = Date.now() - 7 * 24 * 60 * 60 * 1000
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    if (!entry.startsWith('history-')) continue
    const info = await stat(join(dir, entry)).catch(() => undefined)
    if (info !== undefined && info.mtimeMs < weekAgo) await rm(join(dir, entry), { force: true })
  }
}

/** The versions a cached reading depends on: Tidemark's (how it reads) and PGlite's (what it reads). */
export async function cacheVersions(): Promise<string> {
  return `${await tidemarkVersion()}-r${READING_REVISION}-${await pgliteVersion()}`
}

let version: Promise<string> | undefined
function tidemarkVersion(): Promise<string> {
  // The same relative path from src/migrate/replay and dist/migrate/replay.
  version ??= readFile(new URL('../../../package.json', import.meta.url), 'utf8').then(
    (text) => (JSON.parse(text) as { version: string }).version,
  )
  return version
}
