/**
 * pull → generate → migrate on the schemas of real open-source applications (test/fixtures/oss,
 * each with a README saying where it comes from and how it was assembled): each is loaded the way
 * its application installs it, pulled into code, generated into a migration that a reset database
 * is migrated with, and the two catalogs, read straight from pg_catalog, must be equal object for
 * object; generating again must find nothing to do.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { introspect } from 'tidemark/pg'
import { expect, it } from 'vitest'
import { codegen } from '../../src/dialects/pg/codegen/codegen.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { loadGenerated } from '../dialects/pg/codegen/support.js'
import { resetDatabase } from '../diff/support.js'
import { type CatalogSnapshot, readCatalog } from '../support/catalog.js'
import { describeEachDatabase, serverUrl, type Target } from '../support/databases.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'oss')

interface Fixture {
  name: string
  /** What pull says it cannot write as code, exactly. */
  warnings: string[]
}

const fixtures: Fixture[] = [
  { name: 'graphile-worker', warnings: [] },
  { name: 'pgpm-database-jobs', warnings: [] },
  { name: 'dbos', warnings: [] },
]

const noRenames = async (): Promise<never> => {
  throw new Error('no rename candidates expected')
}

/**
 * A fixture's schema.sql is a list of steps, each starting at a `-- step: <what>` line: the unit
 * its application sends at once (a migration file, a deploy script, one statement). Each runs as
 * one simple query, so a step's own BEGIN/COMMIT and a CONCURRENTLY index behave as they do there.
 */
async function load(target: Target, name: string): Promise<number> {
  const text = await readFile(join(FIXTURES, name, 'schema.sql'), 'utf8')
  const steps = text.split(/^-- step: .*$/m).slice(1)
  for (const step of steps) await target.exec(step)
  return steps.length
}

function withoutJournal(snapshot: CatalogSnapshot): CatalogSnapshot {
  delete snapshot.tables['public.tidemark_migrations']
  for (const record of [snapshot.constraints, snapshot.indexes, snapshot.sequences]) {
    for (const key of Object.keys(record)) if (key.includes('tidemark_migrations')) delete record[key]
  }
  return snapshot
}

describeEachDatabase('open-source schemas through pull, generate and migrate', (target) => {
  for (const fixture of fixtures) {
    it(`rebuilds ${fixture.name} exactly`, async () => {
      await resetDatabase(target.db)
      expect(await load(target, fixture.name)).toBeGreaterThan(0)
      const before = await readCatalog(target.db)
      const { source, warnings } = codegen(await introspect(target.db))
      expect(warnings).toEqual(fixture.warnings)

      const pulled = await loadGenerated(source)
      const dir = await mkdtemp(join(tmpdir(), `tidemark-oss-${fixture.name}-`))
      try {
        const options = {
          dir: join(dir, 'migrations'),
          desired: pulled,
          journal: DEFAULT_JOURNAL,
          shadow: {
            url: serverUrl === undefined || target.kind === 'embedded' ? undefined : serverUrl,
            cacheDir: join(dir, 'cache'),
          },
          resolveRenames: noRenames,
        }
        expect((await generateMigration(options)).written).not.toBeNull()
        expect((await generateMigration(options)).plan.up).toEqual([])

        await resetDatabase(target.db)
        await migrate(target.db, await readMigrationFolder(options.dir))
        expect(withoutJournal(await readCatalog(target.db))).toEqual(before)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }, 180_000)
  }
})
