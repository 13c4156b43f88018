/**
 * An application's schema history, version by version, through pull, generate and migrate: the
 * way a team keeps a schema it does not write itself (an installed job queue, say) under Tidemark's
 * migrations. For each published version, a new database is installed the way that version installs
 * itself, pulled as code and generated into the next migration over the ones before; a second
 * database that has the earlier migrations is migrated with it, and its catalog, read straight
 * from pg_catalog, must equal the installed one object for object.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { ignoringColumnOrder, resetDatabase } from '../diff/support.js'
import { readCatalog, withoutJournal } from '../support/catalog.js'
import { describeEachSchemaTarget, openDatabase } from '../support/databases.js'
import { loadSteps, readSteps, type Step } from '../support/oss-fixtures.js'
import { pullAndGenerate } from '../support/pull-round-trip.js'
import { keepAsDrops } from './support/generate.js'

interface Version {
  readonly name: string
  /** What the version's installer runs on a new database. */
  readonly steps: readonly Step[]
}

/**
 * Versions of an application whose installer replays its migration files: the version that shipped
 * migration X installs the steps up to X's last. `ends` are label prefixes of those last steps.
 */
async function migrationPrefixes(path: string, ends: readonly string[]): Promise<Version[]> {
  const steps = await readSteps(path)
  return ends.map((end) => {
    const last = steps.map((step) => step.label.startsWith(end)).lastIndexOf(true)
    if (last < 0) throw new Error(`${path} has no step ${end}`)
    return { name: `up to ${end}`, steps: steps.slice(0, last + 1) }
  })
}

/** Versions of an application whose installer writes the whole schema at once, a file each. */
async function installers(files: Record<string, string>): Promise<Version[]> {
  return Promise.all(
    Object.entries(files).map(async ([name, path]) => ({ name, steps: await readSteps(path) })),
  )
}

const histories: Record<string, () => Promise<Version[]>> = {
  'graphile-worker': () =>
    migrationPrefixes('graphile-worker/schema.sql', [
      'sql/000002.sql',
      'sql/000010.sql',
      'sql/000015.sql',
      'sql/000020.sql',
    ]),
  dbos: () =>
    migrationPrefixes('dbos/schema.sql', [
      'migration 8 ',
      'migration 23 ',
      'migration 70 ',
      'migration 123 ',
    ]),
  'pg-boss': () =>
    installers({
      '8.4.2': 'pg-boss/history/8.4.2.sql',
      '10.1.6': 'pg-boss/history/10.1.6.sql',
      '11.1.2': 'pg-boss/history/11.1.2.sql',
      '12.38.0': 'pg-boss/schema.sql',
    }),
}

describeEachSchemaTarget('open-source schema histories through pull, generate and migrate', (target) => {
  for (const [application, versions] of Object.entries(histories)) {
    it(`follows ${application} version by version`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'tidemark-oss-history-'))
      const live = await openDatabase(target.name)
      try {
        for (const version of await versions()) {
          await resetDatabase(target.db)
          await loadSteps((text) => target.exec(text), version.steps)
          const installed = await readCatalog(target.db)
          // A table or column a version renames is dropped and created: the catalogs compare the same.
          const { written } = await pullAndGenerate(target.db, target.kind, dir, [], keepAsDrops)
          expect(written, version.name).not.toBeNull()
          await migrate(live.db, await readMigrationFolder(join(dir, 'migrations')))
          // A column a version adds (or a table it rebuilds with a column moved) comes last when
          // migrated, as PostgreSQL appends columns; the model does not order them.
          expect(ignoringColumnOrder(withoutJournal(await readCatalog(live.db))), version.name).toEqual(
            ignoringColumnOrder(installed),
          )
        }
      } finally {
        await live.close()
        await rm(dir, { recursive: true, force: true })
      }
    }, 600_000)
  }
})
