/**
 * init scaffolds a project that works with no server; push changes a database straight to the
 * schema, asking (or needing --force) before anything that loses data.
 */

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPGliteDir } from '../support/pglite.js'
import { tempProject, tidemark } from './support.js'

describe('tidemark init', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({ '.gitignore': 'node_modules' })
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })

  it('writes a config, a schema module and a migrations folder that the other commands use', async () => {
    const init = await run('init')
    expect(init.err).toBe('')
    expect(init.code).toBe(0)
    expect(init.out).toContain(
      'Created tidemark.config.ts\nCreated src/db/schema.ts\nCreated migrations/.gitkeep\n',
    )
    expect(init.out).toContain('Added .tidemark/ to .gitignore')
    expect(await readFile(join(project.dir, '.gitignore'), 'utf8')).toBe('node_modules\n.tidemark/\n')
    expect(await readFile(join(project.dir, 'tidemark.config.ts'), 'utf8')).toContain(
      "schema: './src/db/schema.ts'",
    )

    const generated = await run('generate', '--name', 'init')
    expect(generated.err).toBe('')
    expect(generated.out).toMatch(/^Wrote migrations\/\d{14}_init\/up\.sql/)
    expect((await run('migrate')).code).toBe(0)
    const check = await run('check')
    expect(check.out).toContain('Result: clean.')
    expect(check.code).toBe(0)
  })

  it('keeps files that exist, and does not add .tidemark/ twice', async () => {
    await project.write('src/db/schema.ts', '// mine\n')
    const again = await run('init', '--json')
    expect(JSON.parse(again.out)).toEqual({
      files: [
        { path: 'tidemark.config.ts', created: false },
        { path: 'src/db/schema.ts', created: false },
        { path: 'migrations/.gitkeep', created: false },
      ],
      gitignore: false,
    })
    expect(await readFile(join(project.dir, 'src/db/schema.ts'), 'utf8')).toBe('// mine\n')
  })

  it('refuses paths outside the project', async () => {
    const outside = await run('init', '--schema', '../schema.ts')
    expect(outside.code).toBe(2)
    expect(outside.err).toBe("tidemark: init writes inside the project; '../schema.ts' is outside it.\n")
  })
})

describe('tidemark push', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  const schema = `import { enumType, index, integer, sql, table, text, timestamptz } from 'tidemark/pg'
export const mood = enumType('mood', ['calm', 'busy'])
export const users = table('users', {
  id: integer().primaryKey(),
  name: text().default(sql\`upper('anon')\`),
  mood: mood().default('calm'),
  createdAt: timestamptz('created_at').notNull().default(sql\`now()\`),
}, (t) => [index().on(t.name)])
`
  beforeAll(async () => {
    project = await tempProject({
      'tidemark.config.ts': `export default { schema: './schema.ts' }\n`,
      'schema.ts': schema,
    })
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })
  const columns = async () => {
    const client = await openPGliteDir(join(project.dir, '.tidemark', 'pglite'))
    try {
      const { rows } = await client.query<{ name: string }>(
        `select column_name as name from information_schema.columns where table_name = 'users' order by 1`,
      )
      return rows.map((r) => r.name)
    } finally {
      await client.close()
    }
  }

  it('creates what the schema declares, then finds nothing to do (expressions compared as PostgreSQL prints them)', async () => {
    const first = await run('push')
    expect(first.err).toBe('')
    expect(first.out).toBe(
      '3 changes to push:\n  create enum mood\n  create table users\n  create index users_name_idx on users\nPushed 3 changes.\n',
    )
    expect(await run('push')).toEqual({
      code: 0,
      out: 'Nothing to push: the database already matches the schema.\n',
      err: '',
    })
  })

  it('refuses data loss without a terminal unless --force, and then applies it', async () => {
    await project.write(
      'schema.ts',
      schema.replace("  name: text().default(sql`upper('anon')`),\n", '').replace('t.name', 't.createdAt'),
    )
    const refused = await run('push')
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('data-loss: drops column users.name and its values')
    expect(refused.err).toBe(
      'tidemark: Nothing was pushed: some changes lose data (listed above). Run with --force to push them anyway.\n',
    )
    expect(await columns()).toContain('name')
    const refusedJson = await run('push', '--json')
    expect(refusedJson.code).toBe(1)
    expect(JSON.parse(refusedJson.out)).toMatchObject({ applied: false })
    expect(refusedJson.err).toBe(refused.err)

    const forced = await run('push', '--force', '--json')
    expect(forced.code).toBe(0)
    expect(JSON.parse(forced.out)).toMatchObject({
      applied: true,
      changes: [
        'drop index users_name_idx on users',
        'drop column users.name',
        'create index users_created_at_idx on users',
      ],
    })
    expect(await columns()).toEqual(['created_at', 'id', 'mood'])
  })

  it('leaves a database unchanged when a statement fails', async () => {
    await project.write(
      'schema.ts',
      `${schema.replace("  name: text().default(sql`upper('anon')`),\n", '').replace('t.name', 't.createdAt')}
export const broken = table('broken', { id: integer().primaryKey(), n: integer().default(sql\`no_such_function()\`) })
`,
    )
    const failed = await run('push')
    expect(failed.code).toBe(2)
    expect(failed.err).toContain('no_such_function')
    expect(await columns()).toEqual(['created_at', 'id', 'mood'])
  })

  it('refuses to open rows up without a terminal unless --force', async () => {
    // The users table stays as the tests above left it; only notes is new.
    const secured = `${schema.replace("  name: text().default(sql`upper('anon')`),\n", '').replace('t.name', 't.createdAt')}
import { enableRowLevelSecurity, policy } from 'tidemark/pg'
export const notes = table('notes', { id: integer().primaryKey() }, () => [
  enableRowLevelSecurity(),
  policy('mine', { using: sql\`true\` }),
])
`
    await project.write('schema.ts', secured)
    const enabled = await run('push')
    expect(enabled.code).toBe(0)
    expect(enabled.out).toContain('  create table notes\n  create policy mine on notes\n')
    await project.write('schema.ts', secured.replace('  enableRowLevelSecurity(),\n', ''))
    const refused = await run('push')
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('security: disables row-level security on notes: ')
    expect(refused.err).toBe(
      'tidemark: Nothing was pushed: some changes open rows up (listed above). Run with --force to push them anyway.\n',
    )
    expect((await run('push', '--force')).code).toBe(0)
  })
})
