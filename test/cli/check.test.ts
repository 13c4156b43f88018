/**
 * check, status, baseline and generate --from-db through the CLI, on the kitchen-sink schema (every
 * construct of the DSL): a clean database checks clean, on the embedded database and on the server
 * (replayed in PGlite, a newer PostgreSQL than the server's: no false alarm from how each prints
 * defaults, types and constraints); hand edits are found, adopted and recorded.
 */

import { randomBytes } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckReport } from '../../src/migrate/check/check.js'
import { serverUrl } from '../support/databases.js'
import { openPGliteDir } from '../support/pglite.js'
import { tempProject, tidemark } from './support.js'

const kitchenSink = new URL('../fixtures/kitchen-sink.ts', import.meta.url)
// Every --json document printed below must conform to the documented schema.
const reportSchema = JSON.parse(
  await readFile(new URL('../../docs/check-report.schema.json', import.meta.url), 'utf8'),
) as object
const conformsToSchema = new Ajv2020({ allErrors: true }).compile(reportSchema)

const config = `export default { schema: './schema.ts', migrations: './migrations' }\n`

interface Target {
  readonly name: string
  /** Extra flags: the server's URL, or none for the embedded database. */
  args(): string[]
  exec(dir: string, sql: string): Promise<void>
  setUp(): Promise<void>
  tearDown(): Promise<void>
}

const embedded: Target = {
  name: 'embedded',
  args: () => [],
  async exec(dir, sql) {
    const client = await openPGliteDir(join(dir, '.tidemark', 'pglite'))
    try {
      await client.exec(sql)
    } finally {
      await client.close()
    }
  },
  setUp: async () => {},
  tearDown: async () => {},
}

function server(url: string): Target {
  const name = `tidemark_check_${randomBytes(6).toString('hex')}`
  const target = new URL(url)
  target.pathname = `/${name}`
  const admin = new pg.Client({ connectionString: url })
  return {
    name: 'server',
    args: () => ['--url', target.toString()],
    async exec(_dir, sql) {
      const client = new pg.Client({ connectionString: target.toString() })
      await client.connect()
      try {
        await client.query(sql)
      } finally {
        await client.end()
      }
    },
    async setUp() {
      await admin.connect()
      await admin.query(`create database ${name}`)
    },
    async tearDown() {
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

const targets = [embedded, ...(serverUrl === undefined ? [] : [server(serverUrl)])]

for (const target of targets) {
  describe(`tidemark check, status, baseline [${target.name}]`, () => {
    let project: Awaited<ReturnType<typeof tempProject>>
    const run = (...args: string[]) => tidemark([...args, ...target.args()], { cwd: project.dir })
    const json = async (...args: string[]) => {
      const result = await run(...args, '--json')
      const report = JSON.parse(result.out) as CheckReport & { failed: string[] }
      if (args[0] === 'check')
        expect(conformsToSchema(report), JSON.stringify(conformsToSchema.errors)).toBe(true)
      return { ...result, report }
    }
    const migrationNames = async () =>
      (await readdir(join(project.dir, 'migrations'))).filter((f) => f !== 'tidemark.sum').sort()

    beforeAll(async () => {
      await target.setUp()
      project = await tempProject({
        'tidemark.config.ts': config,
        'schema.ts': await readFile(kitchenSink, 'utf8'),
      })
      expect((await run('generate', '--name', 'kitchen sink')).code).toBe(0)
      expect((await run('migrate')).code).toBe(0)
    })
    afterAll(async () => {
      await project?.remove()
      await target.tearDown()
    })

    it('checks a clean database clean, every construct included', async () => {
      const text = await run('check')
      expect(text.err).toBe('')
      expect(text.out).toContain('Drift: none: the database matches its 1 applied migration.')
      expect(text.out).toContain('Code: in step')
      expect(text.out).toContain('Journal: in step: 1 applied, none pending.')
      expect(text.out).toContain('Result: clean.')
      expect(text.code).toBe(0)
      const { report, code } = await json('check')
      expect(code).toBe(0)
      // The schema is strict enough to catch a document that strays from it.
      expect(conformsToSchema({ ...report, drift: { ...report.drift, status: 'fine' } })).toBe(false)
      expect(conformsToSchema({ ...report, extra: true })).toBe(false)
      expect(report).toMatchObject({
        version: 1,
        drift: { status: 'clean', findings: [], appliedMigrations: 1 },
        code: { status: 'clean', changes: [] },
        journal: { status: 'clean', pending: [], edited: [], missing: [] },
        failed: [],
      })
    })

    it('reads only the schemas the config names, when it names them', async () => {
      await target.exec(project.dir, 'create schema vendor; create table vendor.things (id int primary key)')
      const everything = await json('check')
      expect(everything.report.drift.findings.map((f) => f.message)).toEqual([
        'schema vendor: added outside migrations',
        'table vendor.things: added outside migrations',
      ])
      await project.write(
        'scoped.config.ts',
        `export default { schema: './schema.ts', migrations: './migrations', schemas: ['public', 'billing'] }\n`,
      )
      const scoped = await json('check', '--config', 'scoped.config.ts')
      expect(scoped.report.drift.status).toBe('clean')
      expect(scoped.code).toBe(0)
      await target.exec(project.dir, 'drop schema vendor cascade')
    })

    it('lists each migration with its state', async () => {
      const [name] = await migrationNames()
      const status = await run('status')
      expect(status.code).toBe(0)
      expect(status.out).toMatch(
        new RegExp(`^${name}  applied +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ\\n\\n1 applied\\.\\n$`),
      )
      const listed = JSON.parse((await run('status', '--json')).out)
      expect(listed.migrations).toEqual([{ name, state: 'applied', appliedAt: expect.any(String) }])
    })

    it('finds hand edits, fails only on the findings asked for, and refuses unknown ones', async () => {
      await target.exec(
        project.dir,
        'alter table accounts add column nickname text; create index accounts_nickname_idx on accounts (nickname)',
      )
      const found = await run('check')
      expect(found.code).toBe(1)
      expect(found.out).toContain('column accounts.nickname: added outside migrations')
      expect(found.out).toContain('index accounts_nickname_idx on accounts: added outside migrations')
      expect(found.out).toContain('DROP INDEX "public"."accounts_nickname_idx";')
      expect(found.out).toContain('ALTER TABLE "public"."accounts" DROP COLUMN "nickname";')
      expect(found.out).toContain('data-loss: drops column accounts.nickname')
      expect(found.out).toContain("'tidemark generate --from-db'")
      expect(found.out).toContain('Result: failed on drift (exit 1).')

      const { report } = await json('check')
      expect(report.drift.status).toBe('drifted')
      expect(report.drift.findings).toContainEqual({
        object: 'column',
        name: 'accounts.nickname',
        state: 'added',
        message: 'column accounts.nickname: added outside migrations',
      })
      expect(report.failed).toEqual(['drift'])

      expect((await run('check', '--fail-on', 'code,journal')).code).toBe(0)
      expect((await run('check', '--fail-on', 'none')).code).toBe(0)
      const wrong = await run('check', '--fail-on', 'drfit')
      expect(wrong.code).toBe(2)
      expect(wrong.err).toBe(
        "tidemark: --fail-on does not know 'drfit'. Use drift, code, journal, pending, edited, missing, out-of-order, unfinished or none.\n",
      )
    })

    it('adopts the edit into the history, records it with baseline, and then sees the code behind', async () => {
      const adopted = await run('generate', '--from-db', '--name', 'adopt nickname')
      expect(adopted.err).toBe('')
      expect(adopted.code).toBe(0)
      const name = (await migrationNames()).find((n) => n.endsWith('_adopt_nickname'))!
      expect(adopted.out).toContain(`tidemark baseline --to ${name}`)
      const up = await readFile(join(project.dir, 'migrations', name, 'up.sql'), 'utf8')
      expect(up).toContain('ADD COLUMN "nickname" text')

      // Not yet recorded: pending, and the database still differs from the applied history.
      const pending = await json('check')
      expect(pending.report.journal.pending).toEqual([name])
      expect(pending.report.failed).toEqual(['drift', 'code', 'pending'])

      const recorded = await run('baseline', '--to', name)
      expect(recorded.err).toBe('')
      expect(recorded.out).toBe(`The database matches. Recorded as applied (not run): ${name}.\n`)
      expect((await run('baseline')).out).toBe(
        'Nothing to record: the journal already holds all 2 migrations.\n',
      )

      const after = await json('check')
      expect(after.report.drift.status).toBe('clean')
      expect(after.report.code.status).toBe('differs')
      expect(after.report.code.changes.map((c) => c.description)).toEqual(
        expect.arrayContaining([
          'drop index accounts_nickname_idx on accounts',
          'drop column accounts.nickname',
        ]),
      )
      expect(after.code).toBe(1)
      expect((await run('check', '--fail-on', 'drift,journal')).code).toBe(0)
    })

    it('refuses to baseline a database that differs, and records nothing', async () => {
      await target.exec(project.dir, 'alter table accounts drop column nickname')
      const refused = await run('baseline')
      expect(refused.code).toBe(1)
      expect(refused.out).toContain('column accounts.nickname: missing')
      expect(refused.out).toContain('nothing was recorded')
      await target.exec(
        project.dir,
        'alter table accounts add column nickname text; create index accounts_nickname_idx on accounts (nickname)',
      )
      expect((await json('check')).report.drift.status).toBe('clean')
    })

    it('reports an applied migration whose file was edited', async () => {
      const [first] = await migrationNames()
      const file = join(project.dir, 'migrations', first!, 'up.sql')
      await writeFile(file, `${await readFile(file, 'utf8')}\n-- a comment added later\n`)
      expect((await run('hash')).code).toBe(0)
      const { report, code } = await json('check')
      expect(code).toBe(1)
      expect(report.journal.edited).toEqual([first])
      expect(report.drift.notes).toEqual([
        `${first} was edited after it was applied; it was replayed as the file is now.`,
      ])
      expect((await run('status')).out).toMatch(new RegExp(`${first} +edited`))
    })
  })
}
