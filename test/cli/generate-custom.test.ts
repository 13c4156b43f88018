/**
 * generate --custom: an empty migration to write by hand, named and hashed like generated ones, that
 * migrate and check accept as it is and after its SQL is written (and hashed); the schema's pending
 * changes stay for the next generate. On the embedded database and on the server.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { declaredHazards } from '../../src/migrate/folder/declared-hazards.js'
import { isNoTransaction } from '../../src/migrate/folder/migration-folder.js'
import { tempProject, tidemark } from './support.js'
import { cliTargets } from './targets.js'

const config = `export default { schema: './schema.ts', migrations: './migrations' }\n`
const schema = `import { integer, table, text } from 'tidemark/pg'
export const users = table('users', { id: integer().primaryKey(), name: text() })
`

for (const target of cliTargets()) {
  describe(`tidemark generate --custom [${target.name}]`, { timeout: 300_000 }, () => {
    let project: Awaited<ReturnType<typeof tempProject>>
    const run = (...args: string[]) => tidemark([...args, ...target.args()], { cwd: project.dir })
    const names = async () =>
      (await readdir(join(project.dir, 'migrations'))).filter((f) => f !== 'tidemark.sum').sort()

    beforeEach(async () => {
      await target.setUp()
      project = await tempProject({ 'tidemark.config.ts': config, 'schema.ts': schema })
    })
    afterEach(async () => {
      await project.remove()
      await target.tearDown()
    })

    it('writes an empty migration that migrate, status and check accept, then its SQL once hashed', async () => {
      expect((await run('generate', '--name', 'create users')).code).toBe(0)
      const custom = await run('generate', '--custom', 'seed_users')
      expect(custom.err).toBe('')
      expect(custom.code).toBe(0)
      expect(custom.out).toMatch(
        /^Wrote migrations\/\d{14}_seed_users\/up\.sql and down\.sql \(empty, to write by hand\)\.\nWrite its SQL, then run 'tidemark hash'\./,
      )
      const [first, second] = await names()
      expect(second).toMatch(/^\d{14}_seed_users$/)
      // Named like generated ones: it sorts after the latest, so it applies last.
      expect(second! > first!).toBe(true)
      const up = await readFile(join(project.dir, 'migrations', second!, 'up.sql'), 'utf8')
      expect(up).toMatch(new RegExp(`^-- ${second} \\(up\\), hand-written`))
      expect(up.split('\n').every((line) => line === '' || line.startsWith('--'))).toBe(true)
      // The header explains hazards and no-transaction without declaring either.
      expect(declaredHazards(up)).toEqual([])
      expect(isNoTransaction(up)).toBe(false)
      expect(await readFile(join(project.dir, 'migrations', second!, 'down.sql'), 'utf8')).toContain(
        '(down), hand-written',
      )

      const migrated = await run('migrate')
      expect(migrated.err).toBe('')
      expect(migrated.out).toContain(`Applied ${second}`)
      expect((await run('check')).code).toBe(0)

      // The author writes the SQL: the folder no longer matches its sum until hashed.
      await project.write(
        `migrations/${second}/up.sql`,
        `${up}\ninsert into users (id, name) values (1, 'ada');\n`,
      )
      const unhashed = await run('migrate')
      expect(unhashed.code).toBe(1)
      expect(unhashed.err).toContain(`migration ${second} changed since tidemark.sum was written`)
    })

    it('runs the SQL written into it, after tidemark hash', async () => {
      expect((await run('generate', '--name', 'create users')).code).toBe(0)
      expect((await run('generate', '--custom', 'seed_users')).code).toBe(0)
      const [, custom] = await names()
      await project.write(`migrations/${custom}/up.sql`, "insert into users (id, name) values (1, 'ada');\n")
      await project.write(`migrations/${custom}/down.sql`, 'delete from users where id = 1;\n')
      expect((await run('hash')).code).toBe(0)
      const migrated = await run('migrate')
      expect(migrated.err).toBe('')
      expect(migrated.code).toBe(0)
      expect(await target.query(project.dir, 'select id, name from users')).toEqual([{ id: 1, name: 'ada' }])
      const check = await run('check')
      expect(check.out).toContain('Result: clean.')
      expect(check.code).toBe(0)
    })

    it('leaves pending schema changes to the next generate, which writes them after it', async () => {
      // The schema declares users; no migration creates it yet.
      const custom = await run('generate', '--custom', 'enable_extensions', '--json')
      expect(custom.err).toBe('')
      const document = JSON.parse(custom.out) as { migration: string }
      expect(document).toEqual({
        migration: expect.stringMatching(/^\d{14}_enable_extensions$/),
        custom: true,
        changes: [],
        hazards: [],
        warnings: [],
      })
      expect(await names()).toEqual([document.migration])
      const generated = await run('generate', '--json')
      expect(generated.err).toBe('')
      const plan = JSON.parse(generated.out) as { migration: string; changes: string[] }
      expect(plan.changes).toEqual(['create table users'])
      expect(await names()).toEqual([document.migration, plan.migration])
      expect((await run('migrate')).code).toBe(0)
      expect((await run('check')).code).toBe(0)
    })
  })
}

describe('tidemark generate --custom refuses', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeEach(async () => {
    project = await tempProject({ 'tidemark.config.ts': config, 'schema.ts': schema })
  })
  afterEach(() => project.remove())
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })

  it('a name that is not a slug, suggesting one, and writes nothing', async () => {
    expect(await run('generate', '--custom', 'Seed users!')).toEqual({
      code: 2,
      out: '',
      err: "tidemark: --custom 'Seed users!' is not a migration name: a name holds only lowercase letters, digits and underscores, e.g. --custom seed_users.\n",
    })
    expect((await run('generate', '--custom', '')).err).toContain('the name is empty')
    expect((await run('generate', '--custom', 'x'.repeat(61))).err).toContain(
      'a name is at most 60 characters long',
    )
    await expect(readdir(join(project.dir, 'migrations'))).rejects.toThrow(/ENOENT/)
  })

  it('flags that decide what a generated migration holds', async () => {
    const run2 = await run('generate', '--custom', 'seed', '--from-db', '--name', 'x')
    expect(run2.code).toBe(2)
    expect(run2.err).toBe(
      'tidemark: --custom writes an empty migration named by its own value; it does not go with --name, --from-db.\n',
    )
  })

  it('a folder that does not match its sum file', async () => {
    await project.write('migrations/20260101000000_users/up.sql', 'create table users (id int);\n')
    const refused = await run('generate', '--custom', 'seed')
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('tidemark.sum is missing: run `tidemark hash` to create it')
    expect(await readdir(join(project.dir, 'migrations'))).toEqual(['20260101000000_users'])
  })
})
