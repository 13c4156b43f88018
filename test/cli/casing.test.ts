import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPGliteDir } from '../support/pglite.js'
import { tempProject, tidemark } from './support.js'

const config = `import { defineConfig } from 'tidemark/config'
export default defineConfig({ schema: './src/schema.ts', migrations: './migrations', casing: 'snake_case' })
`

describe("config casing: 'snake_case'", () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })
  beforeAll(async () => {
    project = await tempProject({ 'tidemark.config.ts': config })
    const dataDir = join(project.dir, '.tidemark', 'pglite')
    const client = await openPGliteDir(dataDir)
    await client.exec(`
      create table users (user_id serial primary key, display_name text not null, "LegacyCode" text);
      create table posts (post_id serial primary key, author_id integer references users, post_title text);
    `)
    await client.close()
  })
  afterAll(() => project?.remove())

  it('makes pull write camelCase keys in a cased schema object, naming only what the casing cannot', async () => {
    expect((await run('pull')).code).toBe(0)
    const source = await readFile(join(project.dir, 'src', 'schema.ts'), 'utf8')
    expect(source).toContain("const publicSchema = schema('public', { casing: 'snake_case' })")
    expect(source).toContain(
      "export const users = publicSchema.table('users', {\n  userId: serial().primaryKey(),\n  displayName: text().notNull(),\n  legacyCode: text('LegacyCode'),\n})",
    )
    expect(source).toContain('authorId: integer().references(() => users.userId),')
  })

  it('lets generate use the pulled code: the migration creates the snake_case columns', async () => {
    const result = await run('generate', '--name', 'init')
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    const folder = join(project.dir, 'migrations')
    const { readdir } = await import('node:fs/promises')
    const [migration] = (await readdir(folder)).filter((name) => !name.includes('.'))
    const up = await readFile(join(folder, migration!, 'up.sql'), 'utf8')
    expect(up).toContain('"display_name" text NOT NULL')
    expect(up).toContain('"LegacyCode" text')
    expect((await run('generate')).out).toContain('No schema changes')
  })

  it('refuses a schema whose table does not declare the casing, saying where to declare it', async () => {
    await project.write(
      'src/other.ts',
      `import { table, text, integer } from 'tidemark/pg'
export const notes = table('notes', { noteId: integer().primaryKey(), noteBody: text(), already_snake: text() })
`,
    )
    expect(await run('generate', '--schema', 'src/other.ts')).toEqual({
      code: 2,
      out: '',
      err: [
        'tidemark: The config sets casing: \'snake_case\', but notes.noteId is named "noteId", not "note_id" (and 1 more): its table does not declare the casing.',
        "Declare it in the schema module, where queries see it too: schema('public', { casing: 'snake_case' }).table(...) or table(name, columns, extras, { casing: 'snake_case' }).",
        '',
      ].join('\n'),
    })
  })

  it('accepts a table without the casing whose columns are named as it would name them', async () => {
    await project.write(
      'src/other.ts',
      `import { table, text, integer } from 'tidemark/pg'
export const notes = table('notes', { noteId: integer('note_id').primaryKey(), body: text(), Kept: text('Kept') })
`,
    )
    const result = await run('generate', '--schema', 'src/other.ts', '--name', 'notes')
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
  })

  it('refuses a casing it does not know', async () => {
    await project.write(
      'bad.config.ts',
      `export default { schema: './src/schema.ts', casing: 'camelCase' }
`,
    )
    const result = await run('generate', '--config', 'bad.config.ts')
    expect(result.code).toBe(2)
    expect(result.err).toBe(
      `tidemark: ${join(project.dir, 'bad.config.ts')}: 'casing' must be 'snake_case' (or left out to use the keys as written)\n`,
    )
  })
})
