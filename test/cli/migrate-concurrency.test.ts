/**
 * Parallel deploys through the real command: eight `tidemark migrate` processes start at once on
 * one fresh server database (PGlite lives inside one process, so this needs the server).
 */
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverUrl } from '../support/databases.js'
import { runNodeScript } from '../support/run-node.js'
import { tempProject, tidemark } from './support.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const PROCESSES = 8
const MIGRATIONS: Record<string, string> = {
  '20261201000000_runs':
    "create table runs (id serial primary key, migration text not null);\nselect pg_sleep(0.5);\ninsert into runs (migration) values ('runs');",
  '20261201000100_items':
    "create table items (id serial primary key, name text not null);\ninsert into items (name) select 'item ' || n from generate_series(1, 1000) n;\ninsert into runs (migration) values ('items');",
  '20261201000200_items_name_index':
    "-- tidemark:no-transaction\ncreate index concurrently items_name on items (name);\nselect pg_sleep(0.3);\ninsert into runs (migration) values ('items_name_index');",
  '20261201000300_items_price':
    "alter table items add column price numeric(10, 2) not null default 0;\ninsert into runs (migration) values ('items_price');",
}

describe.runIf(serverUrl !== undefined)('tidemark migrate from 8 processes at once [server]', () => {
  const database = `tidemark_test_${randomBytes(6).toString('hex')}`
  const url = Object.assign(new URL(serverUrl ?? 'postgres://localhost'), {
    pathname: `/${database}`,
  }).toString()
  let project: Awaited<ReturnType<typeof tempProject>>
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      return await client.query(text)
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    await admin(`create database ${database}`)
    project = await tempProject(
      Object.fromEntries(Object.entries(MIGRATIONS).map(([name, up]) => [`migrations/${name}/up.sql`, up])),
    )
    expect((await tidemark(['hash'], { cwd: project.dir })).code).toBe(0)
  })
  afterAll(async () => {
    await project?.remove()
    await admin(`drop database if exists ${database} with (force)`)
  })

  it('applies each migration exactly once, and every process exits 0', async () => {
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        runNodeScript(`${root}src/cli/main.ts`, ['migrate', '--url', url, '--json'], project.dir),
      ),
    )
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' })
    const results = runs.map((run) => JSON.parse(run.stdout) as { applied: { name: string }[] })
    const names = Object.keys(MIGRATIONS)
    expect(results.flatMap((r) => r.applied.map((a) => a.name)).sort()).toEqual(names)

    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const counted = await client.query(
        'select migration, count(*)::int as times from runs group by 1 order by 1',
      )
      expect(counted.rows).toEqual(
        ['items', 'items_name_index', 'items_price', 'runs'].map((migration) => ({ migration, times: 1 })),
      )
      const journal = await client.query(
        'select name from tidemark_migrations where applied_at is not null order by 1',
      )
      expect(journal.rows.map((r) => r.name)).toEqual(names)
    } finally {
      await client.end()
    }
  })
})
