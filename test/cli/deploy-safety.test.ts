/**
 * What a deploy can get wrong, through the CLI, on the embedded database and on the server: a
 * migrations folder left out of the image, a folder that does not match tidemark.sum.
 */
import { access, readdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { embeddedDataDir } from '../../src/cli/connect.js'
import { tempProject, tidemark } from './support.js'
import { cliTargets } from './targets.js'

const config = `export default { schema: './schema.ts', migrations: './migrations' }\n`
const schema = `import { integer, table, text } from 'tidemark/pg'
export const users = table('users', { id: integer().primaryKey(), name: text() })
`

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

for (const target of cliTargets()) {
  describe(`deploy safety [${target.name}]`, () => {
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
  })
}
