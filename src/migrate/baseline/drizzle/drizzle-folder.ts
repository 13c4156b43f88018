import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from '../../folder/checksum.js'
import { MigrationFolderError } from '../../folder/migration-errors.js'

/** One migration of a drizzle-kit folder, as its journal lists it. */
export interface DrizzleMigration {
  /** The file's name without `.sql`, e.g. `0000_adorable_hulk`. */
  readonly tag: string
  /** The journal's `when` (epoch milliseconds): what drizzle's migrator records as `created_at`. */
  readonly when: number
  readonly text: string
  /** sha256 hex of the file's text: what drizzle's migrator records as `hash`. */
  readonly hash: string
}

const JOURNAL = join('meta', '_journal.json')

/**
 * Reads a drizzle-kit migrations folder (`<tag>.sql` files and `meta/_journal.json`), in the
 * journal's order, which is the order drizzle applies them in.
 */
export async function readDrizzleFolder(dir: string): Promise<DrizzleMigration[]> {
  const journalPath = join(dir, JOURNAL)
  const entries = journalEntries(await readText(journalPath, 'the folder drizzle-kit generated'), journalPath)
  const migrations: DrizzleMigration[] = []
  for (const { tag, when } of entries) {
    const text = await readText(join(dir, `${tag}.sql`), `${JOURNAL} lists ${tag}`)
    migrations.push({ tag, when, text, hash: sha256Hex(text) })
  }
  return migrations
}

function journalEntries(text: string, path: string): { tag: string; when: number }[] {
  let journal: unknown
  try {
    journal = JSON.parse(text)
  } catch {
    throw new MigrationFolderError(path, 'is not valid JSON: restore it from version control')
  }
  const entries = (journal as { entries?: unknown }).entries
  const valid =
    Array.isArray(entries) &&
    entries.every(
      (e) => typeof e?.tag === 'string' && /^[\w.-]+$/.test(e.tag) && Number.isSafeInteger(e?.when),
    )
  if (!valid)
    throw new MigrationFolderError(
      path,
      'is not a drizzle-kit journal (entries with a tag and a when): point --from-drizzle at the folder drizzle-kit generates into',
    )
  return entries as { tag: string; when: number }[]
}

async function readText(path: string, why: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new MigrationFolderError(
        path,
        `is missing (${why}): point --from-drizzle at drizzle-kit's "out" folder`,
      )
    throw error
  }
}
