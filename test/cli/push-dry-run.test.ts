/**
 * push --dry-run prints the SQL push would run and changes nothing, even what loses data; push
 * --verbose prints each statement as it runs. On the embedded database and on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempProject, tidemark } from './support.js'
import { cliTargets } from './targets.js'

const config = `export default { schema: './schema.ts' }\n`
const schema = `import { enumType, index, integer, table, text } from 'tidemark/pg'
export const mood = enumType('mood', ['calm', 'busy'])
export const users = table('users', {
  id: integer().primaryKey(),
  name: text(),
  mood: mood().default('calm'),
}, (t) => [index().on(t.name)])
`
const STATEMENTS = [
  `CREATE TYPE "public"."mood" AS ENUM ('calm', 'busy')`,
  `CREATE TABLE "public"."users" (\n  "id" integer NOT NULL,\n  "name" text,\n  "mood" public.mood DEFAULT 'calm'::public.mood,\n  CONSTRAINT "users_pkey" PRIMARY KEY ("id")\n)`,
  `CREATE INDEX "users_name_idx" ON "public"."users" USING btree ("name")`,
]

for (const target of cliTargets()) {
  describe(`tidemark push --dry-run and --verbose [${target.name}]`, { timeout: 300_000 }, () => {
    let project: Awaited<ReturnType<typeof tempProject>>
    const run = (...args: string[]) => tidemark([...args, ...target.args()], { cwd: project.dir })
    const tables = async () =>
      (
        await target.query<{ name: string }>(
          project.dir,
          `select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
        )
      ).map((row) => row.name)
    const columns = async () =>
      (
        await target.query<{ name: string }>(
          project.dir,
          `select column_name as name from information_schema.columns where table_name = 'users' order by 1`,
        )
      ).map((row) => row.name)

    beforeAll(async () => {
      await target.setUp()
      project = await tempProject({ 'tidemark.config.ts': config, 'schema.ts': schema })
    })
    afterAll(async () => {
      await project?.remove()
      await target.tearDown()
    })

    it('prints the changes and the SQL, and changes nothing', async () => {
      const dry = await run('push', '--dry-run')
      expect(dry.err).toBe('')
      expect(dry.code).toBe(0)
      expect(dry.out).toBe(
        '3 changes to push:\n  create enum mood\n  create table users\n  create index users_name_idx on users\n' +
          '\nThe SQL push would run (--dry-run: nothing was changed):\n\n' +
          STATEMENTS.map((s) => `${s};\n`).join('\n'),
      )
      expect(await tables()).toEqual([])

      const json = await run('push', '--dry-run', '--json')
      expect(json.err).toBe('')
      expect(JSON.parse(json.out)).toEqual({
        applied: false,
        dryRun: true,
        changes: ['create enum mood', 'create table users', 'create index users_name_idx on users'],
        hazards: [],
        statements: STATEMENTS,
      })
      expect(await tables()).toEqual([])
    })

    it('prints each statement as it runs with --verbose', async () => {
      const pushed = await run('push', '--verbose')
      expect(pushed.err).toBe('')
      expect(pushed.code).toBe(0)
      const ran = pushed.out.split('Running: ').slice(1)
      expect(ran.map((s) => s.split(';\n')[0])).toEqual(STATEMENTS)
      expect(pushed.out).toMatch(/Pushed 3 changes\.\n$/)
      expect(await tables()).toEqual(['users'])
      expect(await run('push', '--dry-run', '--json')).toEqual({
        code: 0,
        out: `${JSON.stringify({ applied: false, dryRun: true, changes: [], hazards: [], statements: [] })}\n`,
        err: '',
      })
    })

    it('lists what loses data without asking or refusing, and runs none of it', async () => {
      await project.write('schema.ts', schema.replace('  name: text(),\n', '').replace('t.name', 't.id'))
      const dry = await run('push', '--dry-run')
      expect(dry.err).toBe('')
      expect(dry.code).toBe(0)
      expect(dry.out).toContain('data-loss: drops column users.name and its values')
      expect(dry.out).toContain('ALTER TABLE "public"."users" DROP COLUMN "name";\n')
      expect(await columns()).toEqual(['id', 'mood', 'name'])
      // Without --dry-run, the same change still needs --force.
      expect((await run('push')).code).toBe(1)
      expect(await columns()).toEqual(['id', 'mood', 'name'])
    })
  })
}
