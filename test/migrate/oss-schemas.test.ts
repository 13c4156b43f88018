/**
 * pull → generate → migrate on the schemas of real open-source applications (test/fixtures/oss,
 * each with a README saying where it comes from and how it was assembled): each is loaded the way
 * its application installs it, pulled into code, generated into a migration that a reset database
 * is migrated with, and the two catalogs, read straight from pg_catalog, must be equal object for
 * object; generating again must find nothing to do.
 */
import { expect, it } from 'vitest'
import { resetDatabase } from '../diff/support.js'
import type { CatalogSnapshot } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { loadSteps, readSteps } from '../support/oss-fixtures.js'
import { pullGenerateMigrate } from '../support/pull-round-trip.js'

interface Fixture {
  name: string
  /** What pull says it cannot write as code, exactly. */
  warnings: string[]
  /** How many objects of each kind the source catalog holds, so a load that went wrong shows. */
  counts: ReturnType<typeof counts>
}

const none = {
  sequences: 0,
  views: 0,
  enums: 0,
  partitions: 0,
  policies: 0,
  triggers: 0,
  extensions: 0,
  types: 0,
  comments: 0,
  rowLevelSecurity: 0,
}

const fixtures: Fixture[] = [
  {
    name: 'graphile-worker',
    warnings: [],
    counts: {
      ...none,
      tables: 5,
      constraints: 12,
      indexes: 10,
      sequences: 3,
      views: 1,
      routines: 7,
      types: 1,
      rowLevelSecurity: 4,
    },
  },
  {
    name: 'pgpm-database-jobs',
    warnings: [],
    counts: {
      ...none,
      tables: 3,
      constraints: 15,
      indexes: 10,
      sequences: 2,
      routines: 39,
      triggers: 7,
      extensions: 2,
    },
  },
  {
    name: 'dbos',
    warnings: [],
    counts: { ...none, tables: 13, constraints: 20, indexes: 38, routines: 3, triggers: 1 },
  },
  {
    name: 'pg-boss',
    warnings: [],
    counts: { ...none, enums: 1, partitions: 5, tables: 13, constraints: 21, indexes: 34, routines: 6 },
  },
  {
    name: 'zabbix',
    warnings: [],
    counts: { ...none, tables: 173, constraints: 399, indexes: 407, sequences: 3, routines: 2, triggers: 4 },
  },
]

function counts(c: CatalogSnapshot) {
  const n = (r: Record<string, unknown>) => Object.keys(r).length
  const nested = (r: Record<string, Record<string, unknown>>) =>
    Object.values(r).reduce((sum, x) => sum + n(x), 0)
  return {
    tables: n(c.tables),
    constraints: nested(c.constraints),
    indexes: nested(c.indexes),
    sequences: n(c.sequences),
    views: n(c.views),
    enums: n(c.enums),
    partitions: n(c.partitions),
    policies: nested(c.policies),
    routines: n(c.routines),
    triggers: n(c.triggers),
    extensions: n(c.extensions),
    types: n(c.types),
    comments: n(c.comments),
    rowLevelSecurity: n(c.rowLevelSecurity),
  }
}

describeEachSchemaTarget('open-source schemas through pull, generate and migrate', (target) => {
  for (const fixture of fixtures) {
    it(`rebuilds ${fixture.name} exactly`, async () => {
      await resetDatabase(target.db)
      const steps = await readSteps(`${fixture.name}/schema.sql`)
      expect(steps.length).toBeGreaterThan(0)
      await loadSteps((text) => target.exec(text), steps)
      const { before, after } = await pullGenerateMigrate(target, fixture.warnings)
      expect(counts(before)).toEqual(fixture.counts)
      expect(after).toEqual(before)
    }, 180_000)
  }
})
