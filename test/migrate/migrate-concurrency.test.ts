/**
 * Parallel deploys. On every target: eight runners in one process share the database. On a server
 * (TIDEMARK_TEST_DATABASE_URL), also eight separate processes on one fresh database, as real deploys
 * do (PGlite lives inside one process, so that part needs a server).
 */
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { sql } from '../../src/sql/sql.js'
import { describeEachDatabase, serverUrl } from '../support/databases.js'
import { type NodeRun, runNodeScript } from '../support/run-node.js'
import { resetDatabase } from './support/journal.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'

const RUNNERS = 8
const script = fileURLToPath(new URL('./support/run-migrate.ts', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

function runMigrate(url: string, dir: string, startAt: number): Promise<NodeRun> {
  return runNodeScript(script, [url, dir, String(startAt)], root)
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const NAMES = [
  '20261201000000_runs',
  '20261201000100_items',
  '20261201000200_items_name_index',
  '20261201000300_items_price',
  '20261201000400_items_price_check',
]

/** Five migrations, one of them no-transaction; each records itself in `runs` to prove it ran once. */
async function addMigrations(dir: TempDir): Promise<void> {
  const count = (name: string) => `insert into runs (migration) values ('${name}');`
  await dir.add('20261201000000_runs', {
    up: `create table runs (id serial primary key, migration text not null, pid int not null default pg_backend_pid());\nselect pg_sleep(0.3);\n${count('runs')}`,
  })
  await dir.add('20261201000100_items', {
    up: `create table items (id serial primary key, name text not null);\ninsert into items (name) select 'item ' || n from generate_series(1, 1000) n;\n${count('items')}`,
  })
  await dir.add('20261201000200_items_name_index', {
    up: `-- tidemark:no-transaction\ncreate index concurrently items_name on items (name);\nselect pg_sleep(0.3);\n${count('items_name_index')}`,
  })
  await dir.add('20261201000300_items_price', {
    up: `alter table items add column price numeric(10, 2) not null default 0;\n${count('items_price')}`,
  })
  await dir.add('20261201000400_items_price_check', {
    up: `alter table items add constraint items_price_positive check (price >= 0);\n${count('items_price_check')}`,
  })
}

describeEachDatabase('migrate from 8 runners in one process', (target) => {
  let dir: TempDir
  afterEach(async () => {
    await dir.remove()
    await resetDatabase(target.db)
  })

  it('applies each migration exactly once, and every runner succeeds', async () => {
    dir = await makeTempDir()
    await addMigrations(dir)
    const folder = await readMigrationFolder(dir.path)
    const results = await Promise.all(Array.from({ length: RUNNERS }, () => migrate(target.db, folder)))
    expect(results.flatMap((r) => r.applied.map((a) => a.name)).sort()).toEqual(NAMES)
    for (const result of results)
      expect([...result.applied.map((a) => a.name), ...result.alreadyApplied].sort()).toEqual(NAMES)
    const { rows } = await target.db.execute<{ migration: string; times: number }>(
      sql`select migration, count(*)::int as times from runs group by 1 order by 1`,
    )
    expect(rows).toEqual(
      ['items', 'items_name_index', 'items_price', 'items_price_check', 'runs'].map((migration) => ({
        migration,
        times: 1,
      })),
    )
  })
})

if (serverUrl) {
  const admin = serverUrl
  describe('migrate from 8 processes at once [server]', () => {
    const database = `tidemark_test_${randomBytes(6).toString('hex')}`
    const url = Object.assign(new URL(admin), { pathname: `/${database}` }).toString()
    let dir: TempDir

    beforeAll(async () => {
      await withClient(admin, (client) => client.query(`create database ${database}`))
      dir = await makeTempDir()
      await addMigrations(dir)
    })

    afterAll(async () => {
      await dir?.remove()
      await withClient(admin, (client) => client.query(`drop database if exists ${database} with (force)`))
    })

    it('applies each migration exactly once, and every runner succeeds', async () => {
      // Every process boots and connects first, then all start migrating at the same moment.
      const startAt = Date.now() + 4000
      const runs = await Promise.all(
        Array.from({ length: RUNNERS }, () => runMigrate(url, dir.path, startAt)),
      )
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 })

      const results = runs.map(
        (run) => JSON.parse(run.stdout) as { applied: { name: string }[]; alreadyApplied: string[] },
      )
      const appliedByRunners = results.flatMap((r) => r.applied.map((a) => a.name)).sort()
      const names = NAMES
      expect(appliedByRunners).toEqual(names)
      for (const result of results)
        expect([...result.applied.map((a) => a.name), ...result.alreadyApplied].sort()).toEqual(names)

      await withClient(url, async (client) => {
        const journal = await client.query(
          'select name, applied_at is not null as applied from tidemark_migrations order by name',
        )
        expect(journal.rows).toEqual(names.map((name) => ({ name, applied: true })))
        const counted = await client.query(
          'select migration, count(*)::int as times from runs group by 1 order by 1',
        )
        expect(counted.rows).toEqual(
          ['items', 'items_name_index', 'items_price', 'items_price_check', 'runs'].map((migration) => ({
            migration,
            times: 1,
          })),
        )
        const index = await client.query(
          `select indisvalid from pg_index where indexrelid = 'items_name'::regclass`,
        )
        expect(index.rows).toEqual([{ indisvalid: true }])
      })
    })
  })
}
