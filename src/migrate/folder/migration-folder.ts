import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { downChecksum, upChecksum } from './checksum.js'
import { MigrationFolderError } from './migration-errors.js'
import { migrationNameProblem } from './migration-name-format.js'

/** One migration of the folder: `<dir>/<name>/up.sql` and the optional `down.sql`. */
export interface MigrationFile {
  readonly name: string
  readonly up: string
  readonly down: string | null
  /** up.sql starts with `-- tidemark:no-transaction`: it must run outside a transaction. */
  readonly upNoTransaction: boolean
  /** down.sql starts with `-- tidemark:no-transaction`. */
  readonly downNoTransaction: boolean
  /** sha256 hex of up.sql's bytes: what the journal stores when the migration is applied. */
  readonly checksum: string
  /** sha256 hex of down.sql's bytes (of no bytes without one), stored beside `checksum`. */
  readonly downChecksum: string
}

/** The migration folder as read from disk: migrations sorted by name, and `tidemark.sum` if present. */
export interface MigrationFolder {
  readonly dir: string
  readonly migrations: readonly MigrationFile[]
  /** The text of `tidemark.sum`, or null when there is none. */
  readonly sum: string | null
}

export const SUM_FILE = 'tidemark.sum'
const UP = 'up.sql'
const DOWN = 'down.sql'
const MISSING_FOLDER =
  'the migrations folder does not exist. Check the migrations setting (or --migrations), and that the ' +
  'folder is shipped with the deployment (e.g. copied into the container image)'
const NO_TRANSACTION = /^(?:\uFEFF)?-- tidemark:no-transaction[ \t]*\r?(?:\n|$)/

/** True when the file's first line is `-- tidemark:no-transaction`. */
export function isNoTransaction(sql: string): boolean {
  return NO_TRANSACTION.test(sql)
}

export interface ReadMigrationFolderOptions {
  /**
   * Read a folder that does not exist as one without migrations (a new project's first `generate`
   * creates it). By default a missing folder is an error: for `migrate` it usually means a
   * deployment that forgot to ship it, and reading it as empty would report "nothing to apply".
   */
  readonly allowMissing?: boolean
}

/**
 * Reads a migration folder. Entries whose name starts with a dot (.gitkeep, .DS_Store) are
 * ignored; a folder that does not exist, or anything that does not fit the layout, is a
 * MigrationFolderError naming the path and the fix.
 *
 * @example
 * const folder = await readMigrationFolder('migrations')
 * folder.migrations.map((m) => m.name) // ['20261125101500_create_users', ...]
 */
export async function readMigrationFolder(
  dir: string,
  options: ReadMigrationFolderOptions = {},
): Promise<MigrationFolder> {
  const entries = await readEntries(dir)
  if (entries === null) {
    if (options.allowMissing === true) return { dir, migrations: [], sum: null }
    throw new MigrationFolderError(dir, MISSING_FOLDER)
  }
  const migrations: MigrationFile[] = []
  let sum: string | null = null
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.name.startsWith('.')) continue
    if (entry.name === SUM_FILE && entry.isFile()) {
      sum = await readText(path)
      continue
    }
    if (!entry.isDirectory())
      throw new MigrationFolderError(
        path,
        `unexpected file in the migrations folder: it holds only migration folders and ${SUM_FILE}; move or delete it`,
      )
    const problem = migrationNameProblem(entry.name)
    if (problem) throw new MigrationFolderError(path, `${problem}; rename the folder`)
    migrations.push(await readMigration(dir, entry.name))
  }
  migrations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { dir, migrations, sum }
}

async function readMigration(dir: string, name: string): Promise<MigrationFile> {
  const path = join(dir, name)
  const entries = await readdir(path, { withFileTypes: true })
  let hasUp = false
  let hasDown = false
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    if (entry.isFile() && entry.name === UP) hasUp = true
    else if (entry.isFile() && entry.name === DOWN) hasDown = true
    else
      throw new MigrationFolderError(
        join(path, entry.name),
        `unexpected entry: a migration folder holds only ${UP} and an optional ${DOWN}; move or delete it`,
      )
  }
  if (!hasUp)
    throw new MigrationFolderError(
      path,
      `missing ${UP}: every migration folder needs one (write it, or delete the folder)`,
    )
  const up = await readText(join(path, UP))
  const down = hasDown ? await readText(join(path, DOWN)) : null
  return {
    name,
    up,
    down,
    upNoTransaction: isNoTransaction(up),
    downNoTransaction: down !== null && isNoTransaction(down),
    checksum: upChecksum(up),
    downChecksum: downChecksum(down),
  }
}

async function readEntries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR')
      throw new MigrationFolderError(dir, 'is a file, not a folder: point the migrations setting at a folder')
    throw error
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

// Checksums hash the text's UTF-8 bytes, so a file must decode exactly for them to match the disk.
async function readText(path: string): Promise<string> {
  const bytes = await readFile(path)
  try {
    return utf8.decode(bytes)
  } catch {
    throw new MigrationFolderError(path, 'is not valid UTF-8: save it as UTF-8')
  }
}
