/**
 * The round trip a team adopting Tidemark makes on an existing database: pull it as code, generate
 * the first migration from that code, and migrate an empty database with it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { introspect } from 'tidemark/pg'
import { expect } from 'vitest'
import { codegen } from '../../src/dialects/pg/codegen/codegen.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { loadGenerated } from '../dialects/pg/codegen/support.js'
import { resetDatabase } from '../diff/support.js'
import { type CatalogSnapshot, readCatalog, withoutJournal } from './catalog.js'
import { serverUrl, type Target } from './databases.js'

/**
 * Pulls the target database as code (asserting pull's warnings), generates a migration from it
 * (asserting a second generate finds nothing), empties the database and migrates it. Returns the
 * catalog before and after, for the caller to compare. The shadow is PGlite for PGlite targets,
 * the server for server targets.
 */
export async function pullGenerateMigrate(
  target: Target,
  expectedWarnings: readonly string[] = [],
): Promise<{ source: string; before: CatalogSnapshot; after: CatalogSnapshot }> {
  const before = await readCatalog(target.db)
  const { source, warnings } = codegen(await introspect(target.db))
  expect(warnings).toEqual(expectedWarnings)
  const pulled = await loadGenerated(source)
  const dir = await mkdtemp(join(tmpdir(), 'tidemark-pull-round-trip-'))
  try {
    const options = {
      dir: join(dir, 'migrations'),
      desired: pulled,
      journal: DEFAULT_JOURNAL,
      shadow: { url: target.kind === 'embedded' ? undefined : serverUrl, cacheDir: join(dir, 'cache') },
      resolveRenames: async (): Promise<never> => {
        throw new Error('no rename candidates expected')
      },
    }
    expect((await generateMigration(options)).written).not.toBeNull()
    expect((await generateMigration(options)).plan.up).toEqual([])
    await resetDatabase(target.db)
    await migrate(target.db, await readMigrationFolder(options.dir))
    return { source, before, after: withoutJournal(await readCatalog(target.db)) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
