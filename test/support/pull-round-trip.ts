/**
 * The round trip a team adopting Tidemark makes on an existing database: pull it as code, generate
 * the first migration from that code, and migrate an empty database with it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from 'tidemark'
import { introspect } from 'tidemark/pg'
import { expect } from 'vitest'
import { codegen } from '../../src/dialects/pg/codegen/codegen.js'
import { type GenerateResult, generateMigration } from '../../src/migrate/generate/generate.js'
import type { RenameResolver } from '../../src/migrate/generate/plan.js'
import { DEFAULT_JOURNAL, migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { loadGenerated } from '../dialects/pg/codegen/support.js'
import { resetDatabase } from '../diff/support.js'
import { noRenames } from '../migrate/support/generate.js'
import { type CatalogSnapshot, readCatalog, withoutJournal } from './catalog.js'
import { serverUrl, type Target } from './databases.js'

/**
 * Pulls `db` as code (asserting pull's warnings) and generates the migration from the history in
 * `dir` (`dir/migrations`) to it, asserting a second generate finds nothing. The shadow is PGlite
 * for embedded databases, the server otherwise; its cache lives in `dir/cache`. Rename candidates
 * fail the test unless `resolveRenames` answers them.
 */
export async function pullAndGenerate(
  db: Database,
  kind: Target['kind'],
  dir: string,
  expectedWarnings: readonly string[] = [],
  resolveRenames: RenameResolver = noRenames,
): Promise<{ source: string; written: GenerateResult['written'] }> {
  const { source, warnings } = codegen(await introspect(db))
  expect(warnings).toEqual(expectedWarnings)
  const options = {
    dir: join(dir, 'migrations'),
    desired: await loadGenerated(source),
    journal: DEFAULT_JOURNAL,
    shadow: { url: kind === 'embedded' ? undefined : serverUrl, cacheDir: join(dir, 'cache') },
    resolveRenames,
  }
  const { written } = await generateMigration(options)
  expect((await generateMigration(options)).plan.up).toEqual([])
  return { source, written }
}

/**
 * Pulls the target database as code, generates a migration from it, empties the database and
 * migrates it. Returns the catalog before and after, for the caller to compare.
 */
export async function pullGenerateMigrate(
  target: Target,
  expectedWarnings: readonly string[] = [],
): Promise<{ source: string; before: CatalogSnapshot; after: CatalogSnapshot }> {
  const before = await readCatalog(target.db)
  const dir = await mkdtemp(join(tmpdir(), 'tidemark-pull-round-trip-'))
  try {
    const { source, written } = await pullAndGenerate(target.db, target.kind, dir, expectedWarnings)
    expect(written).not.toBeNull()
    await resetDatabase(target.db)
    await migrate(target.db, await readMigrationFolder(join(dir, 'migrations')))
    return { source, before, after: withoutJournal(await readCatalog(target.db)) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
