// @needs-database: the CLI runs on its embedded PGlite database and shadow.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempProject, tidemark } from './support.js'

const config = `import { defineConfig } from 'tidemark/config'
export default defineConfig({ schema: './schema.ts', migrations: './migrations' })
`
const schemaV1 = `import { integer, table, text, timestamptz, sql } from 'tidemark/pg'
export const users = table('users', {
  id: integer().primaryKey(),
  name: text().notNull(),
  createdAt: timestamptz('created_at').notNull().default(sql\`now()\`),
})
`
const schemaV2 = schemaV1.replace(
  'name: text().notNull()',
  "fullName: text('full_name').notNull(),\n  bio: text()",
)

describe('tidemark generate and migrate on the embedded database', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({ 'tidemark.config.ts': config, 'schema.ts': schemaV1 })
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })

  it('writes the first migration, then nothing while the schema is unchanged', async () => {
    const first = await run('generate', '--name', 'create users')
    expect(first.err).toBe('')
    expect(first.code).toBe(0)
    expect(first.out).toMatch(
      /^Wrote migrations\/\d{14}_create_users\/up\.sql and down\.sql \(1 changes\)\.\n$/,
    )
    const [name] = (await readdir(join(project.dir, 'migrations'))).filter((f) => f !== 'tidemark.sum')
    const up = await readFile(join(project.dir, 'migrations', name!, 'up.sql'), 'utf8')
    expect(up).toContain('CREATE TABLE "public"."users"')
    // The author's expression, not PostgreSQL's reprint of it.
    expect(up).toContain('DEFAULT now()')
    expect(await run('generate')).toEqual({
      code: 0,
      out: 'No schema changes: the migrations already build this schema.\n',
      err: '',
    })
  })

  it('applies migrations exactly once to the embedded database', async () => {
    const applied = await run('migrate')
    expect(applied.err).toBe('')
    expect(applied.out).toMatch(/^Applied \d{14}_create_users \(\d+ ms\)\n$/)
    expect((await run('migrate')).out).toBe('Nothing to apply: all 1 migrations are applied.\n')
  })

  it('refuses to guess a rename without a terminal, and takes the flag that decides it', async () => {
    await project.write('schema.ts', schemaV2)
    const refused = await run('generate')
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('users.name -> users.full_name?')
    expect(refused.err).toContain('--rename users.name=users.full_name')
    expect(refused.err).toContain('--no-rename users.name')
    expect((await readdir(join(project.dir, 'migrations'))).length).toBe(2)

    const typo = await run('generate', '--rename', 'users.name=users.fullname')
    expect(typo.code).toBe(1)

    const renamed = await run('generate', '--name', 'rename', '--rename', 'users.name=users.full_name')
    expect(renamed.err).toBe('')
    expect(renamed.out).toContain('breaking: renames column users.name to full_name')
    const folders = (await readdir(join(project.dir, 'migrations'))).filter((f) => f.endsWith('_rename'))
    const up = await readFile(join(project.dir, 'migrations', folders[0]!, 'up.sql'), 'utf8')
    expect(up).toContain('ALTER TABLE "public"."users" RENAME COLUMN "name" TO "full_name";')
    expect(up).not.toContain('DROP COLUMN')
    const down = await readFile(join(project.dir, 'migrations', folders[0]!, 'down.sql'), 'utf8')
    expect(down).toContain('RENAME COLUMN "full_name" TO "name";')
    expect((await run('migrate')).out).toMatch(/^Applied \d{14}_rename/)
    expect((await run('generate')).out).toContain('No schema changes')
  })

  it('undoes the latest migration with migrate down, only when allowed to lose data', async () => {
    const refused = await run('migrate', 'down')
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/^tidemark: Nothing was run: undoing \d{14}_rename loses data \(/)
    expect(refused.err).toContain('Run with --allow-data-loss (or set allowDataLoss: true in the config)')
    expect((await run('migrate')).out).toBe('Nothing to apply: all 2 migrations are applied.\n')

    const undone = await run('migrate', 'down', '--allow-data-loss')
    expect(undone.err).toBe('')
    expect(undone.out).toMatch(/^Reverted \d{14}_rename \(\d+ ms\)\n$/)
    expect((await run('migrate')).out).toMatch(/^Applied \d{14}_rename/)
  })

  it('refuses a folder whose files do not match tidemark.sum, until it is re-hashed', async () => {
    const [first] = (await readdir(join(project.dir, 'migrations'))).sort()
    const path = join('migrations', first!, 'up.sql')
    await project.write(path, `${await readFile(join(project.dir, path), 'utf8')}\n-- edited\n`)
    const refused = await run('migrate')
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('tidemark hash')
    expect((await run('hash')).code).toBe(0)
    const edited = await run('migrate')
    expect(edited.code).toBe(1)
    expect(edited.err).toContain(first)
    expect(edited.err).toContain('--accept-edited')
    expect((await run('migrate', '--accept-edited', first!)).code).toBe(0)
  })
})

describe('tidemark migrate and migrations that lose data', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({ 'tidemark.config.ts': config, 'schema.ts': schemaV2 })
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })
  const withConfig = (extra: string) =>
    project.write('tidemark.config.ts', config.replace("'./migrations'", `'./migrations', ${extra}`))
  // generate replays the migrations on an embedded database: slow on a busy machine.
  const slow = { timeout: 180_000 }

  it(
    'refuses a data-loss migration without a terminal, and applies it with --allow-data-loss',
    slow,
    async () => {
      expect((await run('generate', '--name', 'create users')).code).toBe(0)
      expect((await run('migrate')).code).toBe(0)
      await project.write('schema.ts', schemaV2.replace('  bio: text(),\n', ''))
      expect((await run('generate', '--name', 'drop bio')).out).toContain('data-loss: drops column')

      const refused = await run('migrate')
      expect(refused).toMatchObject({ code: 1, out: '' })
      expect(refused.err).toMatch(
        /^tidemark: Nothing was run: \d{14}_drop_bio loses data \(drops column users\.bio and its values\)\.\n/,
      )
      expect((await run('migrate', '--json')).code).toBe(1)

      const applied = await run('migrate', '--allow-data-loss')
      expect(applied.err).toBe('')
      expect(applied.out).toMatch(/^Applied \d{14}_drop_bio/)
    },
  )

  it('takes allowDataLoss from the config, and refuses a value that is not a boolean', slow, async () => {
    await withConfig('allowDataLoss: true')
    expect((await run('migrate', 'down')).out).toMatch(/^Reverted \d{14}_drop_bio/)
    expect((await run('migrate')).out).toMatch(/^Applied \d{14}_drop_bio/)

    await withConfig("allowDataLoss: 'yes'")
    const invalid = await run('migrate')
    expect(invalid.code).toBe(2)
    expect(invalid.err).toContain(`'allowDataLoss' must be true or false`)
  })
})

describe('tidemark CLI errors', () => {
  it('names a missing config file and a broken one in one line, exit 2', async () => {
    const project = await tempProject({ 'broken.config.ts': 'export default 42\n' })
    try {
      const missing = await tidemark(['generate', '--config', 'nope.ts'], { cwd: project.dir })
      expect(missing).toEqual({
        code: 2,
        out: '',
        err: 'tidemark: Config file nope.ts does not exist. Check the --config path.\n',
      })
      const broken = await tidemark(['generate', '--config', 'broken.config.ts'], { cwd: project.dir })
      expect(broken.code).toBe(2)
      expect(broken.err).toContain('export default defineConfig')
      expect(broken.err.split('\n').length).toBe(2)
      const noSchema = await tidemark(['generate'], { cwd: project.dir })
      expect(noSchema.code).toBe(2)
      expect(noSchema.err).toContain('--schema')
      const unknownFlag = await tidemark(['migrate', '--frob'], { cwd: project.dir })
      expect(unknownFlag.code).toBe(2)
      expect(unknownFlag.err).toContain('tidemark migrate --help')
    } finally {
      await project.remove()
    }
  })

  it('reports a schema that PostgreSQL rejects, without a stack trace', async () => {
    const project = await tempProject({
      'schema.ts': `import { integer, table, check, sql } from 'tidemark/pg'
export const t = table('t', { id: integer() }, (c) => [check('bad', sql\`\${c.id} > 'x'::nosuchtype\`)])
`,
    })
    try {
      const result = await tidemark(['generate', '--schema', 'schema.ts'], { cwd: project.dir })
      expect(result.code).toBe(2)
      expect(result.err).toContain('The schema does not load into PostgreSQL')
      expect(result.err).toContain('nosuchtype')
      expect(result.err).not.toContain('    at ')
    } finally {
      await project.remove()
    }
  })

  it('warns about a policy on a table without row-level security, writes it, and keeps the authored text', async () => {
    const project = await tempProject({
      'schema.ts': `import { integer, table, policy, sql } from 'tidemark/pg'
export const t = table('t', { id: integer() }, (c) => [policy('mine', { using: sql\`\${c.id} > 0\` })])
`,
    })
    try {
      const result = await tidemark(['generate', '--schema', 'schema.ts', '--name', 'p'], {
        cwd: project.dir,
      })
      expect(result.code).toBe(0)
      expect(result.out).toContain(
        'Warning: policy mine on t has no effect: row-level security is not enabled on t (add enableRowLevelSecurity())\n',
      )
      const [name] = (await readdir(join(project.dir, 'migrations'))).filter((f) => f !== 'tidemark.sum')
      const up = await readFile(join(project.dir, 'migrations', name!, 'up.sql'), 'utf8')
      expect(up).toContain(
        'CREATE POLICY "mine" ON "public"."t" AS PERMISSIVE FOR ALL TO PUBLIC USING ("id" > 0)',
      )
    } finally {
      await project.remove()
    }
  })
})
