/**
 * What a deploy can get wrong, through the CLI, on the embedded database and on the server: a
 * migrations folder left out of the image, a folder that does not match tidemark.sum, a history
 * that no longer replays, a database that was never migrated by Tidemark.
 */
import { access, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { embeddedDataDir } from '../../src/cli/connect.js'
import type { CheckReport } from '../../src/migrate/check/check.js'
import { tempProject, tidemark } from './support.js'
import { cliTargets } from './targets.js'

const config = `export default { schema: './schema.ts', migrations: './migrations' }\n`
const schema = `import { integer, table, text } from 'tidemark/pg'
export const users = table('users', { id: integer().primaryKey(), name: text() })
`

// Every check --json document must conform to the documented schema.
const conformsToSchema = new Ajv2020({ allErrors: true }).compile(
  JSON.parse(
    await readFile(new URL('../../docs/check-report.schema.json', import.meta.url), 'utf8'),
  ) as object,
)

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

for (const target of cliTargets()) {
  // Each test runs several commands, each booting PGlite: generous on a busy machine.
  describe(`deploy safety [${target.name}]`, { timeout: 300_000 }, () => {
    let project: Awaited<ReturnType<typeof tempProject>>
    const run = (...args: string[]) => tidemark([...args, ...target.args()], { cwd: project.dir })
    const hasJournal = async () => {
      if (target.name === 'embedded' && !(await exists(embeddedDataDir({ baseDir: project.dir }))))
        return false
      const [row] = await target.query<{ found: boolean }>(
        project.dir,
        `select to_regclass('public.tidemark_migrations') is not null as found`,
      )
      return row!.found
    }
    const check = async (...args: string[]) => {
      const result = await run('check', '--json', '--fail-on', 'none', ...args)
      expect(result.err).toBe('')
      expect(result.code).toBe(0)
      const report = JSON.parse(result.out) as CheckReport
      expect(conformsToSchema(report), JSON.stringify(conformsToSchema.errors)).toBe(true)
      return report
    }
    /** Writes hand-written migrations and re-hashes the folder. */
    const write = async (migrations: Record<string, string>) => {
      for (const [name, up] of Object.entries(migrations))
        await project.write(join('migrations', name, 'up.sql'), up)
      expect((await run('hash')).code).toBe(0)
    }
    const migrationNames = async () =>
      (await readdir(join(project.dir, 'migrations'))).filter((f) => f !== 'tidemark.sum').sort()

    beforeEach(async () => {
      await target.setUp()
      project = await tempProject({ 'tidemark.config.ts': config, 'schema.ts': schema })
    })
    afterEach(async () => {
      await project.remove()
      await target.tearDown()
    })

    it('refuses a migrations folder that does not exist, naming it, and creates nothing', async () => {
      const folder = join(project.dir, 'migrations')
      for (const command of ['migrate', 'check', 'status']) {
        const refused = await run(command)
        expect(refused).toEqual({
          code: 2,
          out: '',
          err: `tidemark: ${folder}: the migrations folder does not exist. Check the migrations setting (or --migrations), and that the folder is shipped with the deployment (e.g. copied into the container image)\n`,
        })
      }
      expect(await hasJournal()).toBe(false)
    })

    it('lets generate start the folder of a new project, but not beside a migrated database', async () => {
      const first = await run('generate', '--name', 'create users')
      expect(first.err).toBe('')
      expect(first.code).toBe(0)
      expect(await migrationNames()).toHaveLength(1)
      expect((await run('migrate')).code).toBe(0)
      const [name] = await migrationNames()

      await rename(join(project.dir, 'migrations'), join(project.dir, 'elsewhere'))
      const refused = await run('generate')
      expect(refused).toEqual({
        code: 2,
        out: '',
        err: `tidemark: ${join(project.dir, 'migrations')}: the migrations folder does not exist, but the database records 1 applied migration (the latest ${name}).\nPoint the migrations setting (or --migrations) at the folder that holds them.\n`,
      })
      expect(await exists(join(project.dir, 'migrations'))).toBe(false)
      const pointed = await run('generate', '--migrations', 'elsewhere')
      expect(pointed.out).toBe('No schema changes: the migrations already build this schema.\n')
    })

    it('refuses a folder that does not match tidemark.sum with exit 1 in every command', async () => {
      expect((await run('generate', '--name', 'create users')).code).toBe(0)
      const [name] = await migrationNames()
      const up = join(project.dir, 'migrations', name!, 'up.sql')
      await project.write(join('migrations', name!, 'up.sql'), `${await readFile(up, 'utf8')}\n-- edited\n`)
      const expected = `tidemark: ${join(project.dir, 'migrations', 'tidemark.sum')} does not match the migrations:\n  migration ${name} changed since tidemark.sum was written: if the edit is deliberate, run \`tidemark hash\`\n`
      for (const command of ['generate', 'migrate', 'check', 'baseline']) {
        expect(await run(command), command).toEqual({ code: 1, out: '', err: expected })
      }
    })

    it('reports a history whose middle migration is missing, instead of failing on the next file', async () => {
      await write({
        '20260101000000_a': 'create table a (id int);\n',
        '20260102000000_b': 'create table b (id int);\n',
        '20260103000000_c': 'alter table b add column note text;\n',
      })
      expect((await run('migrate')).code).toBe(0)
      await rm(join(project.dir, 'migrations', '20260102000000_b'), { recursive: true })
      await write({})

      const report = await check()
      expect(report.journal).toMatchObject({ status: 'findings', missing: ['20260102000000_b'] })
      expect(report.drift.status).toBe('unknown')
      expect(report.drift.notes[0]).toContain('20260102000000_b is missing from the folder')
      expect(report.code.status).toBe('unknown')
      expect(report.code.notes).toEqual([
        expect.stringMatching(
          /^Replaying the migrations failed: .*20260103000000_c\/up\.sql:1: statement 1 failed: relation "b" does not exist \(42P01\) Perhaps because 20260102000000_b, applied to the database, is missing from the folder\.$/,
        ),
      ])

      const text = await run('check')
      expect(text.code).toBe(1)
      expect(text.err).toBe('')
      expect(text.out).toContain('Drift: unknown')
      expect(text.out).toContain('Code: unknown')
      expect(text.out).toContain('20260102000000_b: applied, but its file is missing')
      expect(text.out).toContain('Result: failed on drift, code, missing (exit 1).')
    })

    it('reports a pending migration that does not replay, out of order or not', async () => {
      await write({
        '20260101000000_a': 'create table a (id int);\n',
        '20260103000000_c': 'create table c (id int);\n',
      })
      expect((await run('migrate')).code).toBe(0)
      await write({ '20260102000000_b': 'alter table c add column note text;\n' })
      const outOfOrder = await check()
      expect(outOfOrder.journal.outOfOrder).toEqual(['20260102000000_b'])
      expect(outOfOrder.drift.status).toBe('clean')
      expect(outOfOrder.code.status).toBe('unknown')
      expect(outOfOrder.code.notes[0]).toMatch(
        /20260102000000_b\/up\.sql:1: statement 1 failed: relation "c" does not exist \(42P01\) Perhaps because 20260102000000_b sorts before migrations already applied\.$/,
      )

      await rename(
        join(project.dir, 'migrations', '20260102000000_b'),
        join(project.dir, 'migrations', '20260104000000_b'),
      )
      await write({ '20260104000000_b': 'alter table nowhere add column note text;\n' })
      const failing = await check()
      expect(failing.journal.pending).toEqual(['20260104000000_b'])
      expect(failing.code.status).toBe('unknown')
      expect(failing.code.notes[0]).toMatch(
        /20260104000000_b\/up\.sql:1: statement 1 failed: relation "nowhere" does not exist \(42P01\)$/,
      )
    })

    it('recognises a database Tidemark never migrated, and points to baseline instead of DROP', async () => {
      await write({ '20260101000000_users': 'create table users (id integer primary key, name text);\n' })
      await target.exec(project.dir, 'create table users (id integer primary key, name text)')
      const report = await check()
      expect(report.drift.status).toBe('unadopted')
      expect(report.drift.findings.map((f) => f.message)).toEqual(['table users: added outside migrations'])
      expect(report.drift.reconcile).toEqual({ sql: [], hazards: [] })

      const text = await run('check')
      expect(text.code).toBe(1)
      expect(text.out).toContain('Drift: not adopted')
      expect(text.out).toContain(
        'The database holds 1 object but records no applied migration: Tidemark has never migrated it.',
      )
      expect(text.out).toContain("'tidemark baseline'")
      expect(text.out).toContain("'tidemark generate --from-db'")
      expect(text.out).not.toContain('DROP TABLE')
      expect(text.out).toContain(
        "fix: adopt the database first (see Drift), then 'tidemark migrate' applies the rest",
      )

      expect((await run('baseline')).code).toBe(0)
      const adopted = await check()
      expect(adopted.drift.status).toBe('clean')
      expect(adopted.journal.status).toBe('clean')
    })
  })
}

describe('generate without a migrations folder', () => {
  it('refuses to start one when the database cannot be read to confirm nothing was migrated', async () => {
    const project = await tempProject({ 'tidemark.config.ts': config, 'schema.ts': schema })
    try {
      const refused = await tidemark(['generate', '--url', 'postgres://app:secret@127.0.0.1:1/app'], {
        cwd: project.dir,
      })
      expect(refused.code).toBe(2)
      expect(refused.err).toContain(
        `tidemark: ${join(project.dir, 'migrations')} does not exist, and the database could not be read to confirm that nothing was migrated yet: Cannot reach the PostgreSQL server at 127.0.0.1:1`,
      )
      expect(refused.err).toContain('create the folder to start a new migration history')
      expect(refused.err).not.toContain('secret')
      expect(await exists(join(project.dir, 'migrations'))).toBe(false)
    } finally {
      await project.remove()
    }
  })
})
