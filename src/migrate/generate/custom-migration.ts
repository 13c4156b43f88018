import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { TidemarkError } from '../../errors.js'
import { readMigrationFolder } from '../folder/migration-folder.js'
import { assertSumFile, writeSumFile } from '../folder/sum-file.js'
import { nextMigrationName } from './next-migration-name.js'

export interface CustomMigrationOptions {
  /** The migrations folder (created when it does not exist yet). */
  readonly dir: string
  /** The slug after the timestamp: lowercase letters, digits and underscores (see customSlugProblem). */
  readonly slug: string
  readonly now?: Date
}

const SLUG = /^[a-z0-9_]+$/
const MAX_SLUG = 60

/** Why `slug` cannot name a migration, or undefined when it can. Generated names fit the same rule. */
export function customSlugProblem(slug: string): string | undefined {
  if (slug === '') return 'the name is empty'
  if (!SLUG.test(slug)) return 'a name holds only lowercase letters, digits and underscores'
  if (slug.length > MAX_SLUG) return `a name is at most ${MAX_SLUG} characters long`
  return undefined
}

/**
 * Writes an empty migration for SQL written by hand (data backfills, statements the schema cannot
 * declare), named and ordered like generated ones, and re-hashes the folder so it is accepted as
 * it is. The files are comments only until the author writes the SQL (and runs `tidemark hash`).
 */
export async function writeCustomMigration(
  options: CustomMigrationOptions,
): Promise<{ readonly name: string; readonly dir: string }> {
  const problem = customSlugProblem(options.slug)
  if (problem !== undefined) throw new TidemarkError(`Invalid migration name '${options.slug}': ${problem}`)
  const folder = await readMigrationFolder(options.dir, { allowMissing: true })
  assertSumFile(folder)
  const name = nextMigrationName(
    folder.migrations.map((m) => m.name),
    options.slug,
    options.now ?? new Date(),
  )
  const dir = join(options.dir, name)
  await mkdir(dir, { recursive: true })
  try {
    await writeFile(join(dir, 'up.sql'), customHeader(name, 'up'))
    await writeFile(join(dir, 'down.sql'), customHeader(name, 'down'))
    await writeSumFile(options.dir, (await readMigrationFolder(options.dir)).migrations)
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return { name, dir }
}

/**
 * The comment a hand-written file starts with. It never declares a hazard itself (migrate reads
 * `-- Hazards:` lines in the header), it only says how to.
 */
function customHeader(name: string, direction: 'up' | 'down'): string {
  const purpose =
    direction === 'up'
      ? '-- Write the SQL this migration runs below this header.'
      : '-- Write the SQL that undoes up.sql below this header (tidemark migrate down runs it).'
  return `${[
    `-- ${name} (${direction}), hand-written: created empty by tidemark generate --custom`,
    '--',
    purpose,
    '-- tidemark generate never writes to this file, and replays it like every other migration.',
    '-- The statements run in one transaction; to run them outside one, make',
    '-- `-- tidemark:no-transaction` the first line of the file.',
    '-- If they lose data, say so in this header with a `-- Hazards:` line followed by',
    '-- `--   data-loss: <what is lost>`, and tidemark migrate asks before running them.',
    "-- After editing, run 'tidemark hash' to record the new contents in tidemark.sum.",
  ].join('\n')}\n`
}
