/**
 * Schema entries (config `schema` and --schema) name files, folders (every module inside,
 * recursively, sorted, without declarations and tests) and glob patterns. Run through export,
 * which reads the schema and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempProject, tidemark } from './support.js'

const users = `import { integer, table, text } from 'tidemark/pg'
export const users = table('users', { id: integer().primaryKey(), name: text() })
`
const posts = `import { integer, table } from 'tidemark/pg'
import { users } from '../users.js'
export const posts = table('posts', { id: integer().primaryKey(), author: integer().references(() => users.id) })
`
const loaded = (what: string) => `throw new Error('${what} was loaded')\n`

describe('schema paths: files, folders and globs', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({
      'src/db/users.ts': users,
      'src/db/nested/posts.ts': posts,
      'src/db/users.test.ts': loaded('a test'),
      'src/db/nested/posts.spec.mts': loaded('a spec'),
      'src/db/types.d.ts': loaded('a declaration file'),
      'src/db/README.md': '# not a module\n',
      'src/db/node_modules/dep/index.js': loaded('node_modules'),
      'src/empty/b.ts': 'export const b = 1\n',
      'src/empty/a/a.ts': 'export const a = 1\n',
      'src/docs/notes.md': '# no modules here\n',
      'src/other/people.ts': `import { integer, table } from 'tidemark/pg'\nexport const people = table('people', { id: integer().primaryKey() })\n`,
      'src/other/more/people.ts': `import { integer, table, text } from 'tidemark/pg'\nexport const morePeople = table('people', { id: integer().primaryKey(), name: text() })\n`,
    })
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })
  /** The tables export creates. */
  const tables = async (...args: string[]) => {
    const result = await run('export', '--json', ...args)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    return (JSON.parse(result.out) as { statements: string[] }).statements
      .flatMap((s) => /^CREATE TABLE "public"\."(\w+)"/.exec(s)?.[1] ?? [])
      .sort()
  }

  it('a folder: every module inside, recursively, without tests, declarations and node_modules', async () => {
    expect(await tables('--schema', 'src/db')).toEqual(['posts', 'users'])
    await project.write('tidemark.config.ts', `export default { schema: './src/db' }\n`)
    try {
      expect(await tables()).toEqual(['posts', 'users'])
    } finally {
      await project.write('tidemark.config.ts', 'export default {}\n')
    }
  })

  it('a glob pattern, from --schema or the config (relative to the config file)', async () => {
    expect(await tables('--schema', 'src/db/**/*.ts')).toEqual(['posts', 'users'])
    // posts.ts is one level down: not matched (users comes in through its import only).
    expect(await tables('--schema', 'src/db/*.ts')).toEqual(['users'])
    await project.write('config/tidemark.config.ts', `export default { schema: ['../src/db/**/*.ts'] }\n`)
    expect(await tables('--config', 'config/tidemark.config.ts')).toEqual(['posts', 'users'])
  })

  it('a file named twice is loaded once', async () => {
    expect(await tables('--schema', 'src/db/users.ts,src/db')).toEqual(['posts', 'users'])
  })

  it('loads a folder in sorted order, which errors list it in', async () => {
    const empty = await run('export', '--schema', 'src/empty')
    expect(empty.code).toBe(2)
    expect(empty.err).toBe(
      "tidemark: Schema module src/empty/a/a.ts, src/empty/b.ts exports no tables, views, types or other schema objects. Export each one, e.g. export const users = table('users', { ... }).\n",
    )
  })

  it('says which pattern matches nothing, and which folder holds no module', async () => {
    expect(await run('export', '--schema', 'src/nope/**/*.ts')).toEqual({
      code: 2,
      out: '',
      err: "tidemark: Schema pattern src/nope/**/*.ts matches no schema module (.ts, .mts, .js or .mjs; tests and .d.ts files aside). Fix 'schema' in the config, or --schema.\n",
    })
    const folder = await run('export', '--schema', 'src/docs', '--json')
    expect(folder.code).toBe(2)
    expect(JSON.parse(folder.out)).toEqual({
      error: {
        code: 'config',
        message:
          "Schema folder src/docs holds no schema module (.ts, .mts, .js or .mjs; tests and .d.ts files aside). Fix 'schema' in the config, or --schema.",
      },
    })
  })

  it('two files declaring one table name', async () => {
    const twice = await run('export', '--schema', 'src/other')
    expect(twice.code).toBe(2)
    expect(twice.err).toContain(
      'table public.people: the name people is already used by table public.people; rename one of them',
    )
  })

  it('pull needs --out when the schema is a folder or a pattern', async () => {
    const pull = await run('pull', '--schema', 'src/db/**/*.ts')
    expect(pull.code).toBe(2)
    expect(pull.err).toBe(
      'tidemark: The first schema entry, src/db/**/*.ts, is a folder or a pattern, not one file: pass --out ./src/schema.ts to say where pull writes.\n',
    )
  })
})
