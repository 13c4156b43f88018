import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { PGlite } from '@electric-sql/pglite'
import type { SchemaModel } from 'tidemark'
import { introspect } from 'tidemark/pg'
import { fromPGlite } from 'tidemark/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PULL_HELP } from '../../src/cli/commands/pull.js'
import { openPGliteDir } from '../support/pglite.js'
import { tempProject, tidemark } from './support.js'

const repository = fileURLToPath(new URL('../../', import.meta.url))
const config = `import { defineConfig } from 'tidemark/config'
export default defineConfig({ schema: './src/schema.ts', migrations: './migrations' })
`
const DATABASE = `
create type mood as enum ('ok', 'sad');
create domain email_address as text constraint email_address_has_at check (value ~ '@');
create type address as (street text, zip varchar(10), kind mood);
comment on type address is 'Where';
create table users (
  id bigint generated always as identity primary key,
  email text not null unique,
  backup_email email_address,
  home address,
  mood mood default 'ok',
  created_at timestamptz not null default now()
);
create table posts (
  id serial primary key,
  author_id bigint not null references users on delete cascade,
  title varchar(200) not null
);
create index on posts (author_id);
-- Foreign keys in cycles: a self-reference, and two tables that reference each other.
create table categories (
  id integer primary key,
  parent_id integer references categories
);
create table teams (
  id integer primary key,
  captain_id integer
);
create table members (
  id integer primary key,
  team_id integer not null references teams
);
alter table teams add foreign key (captain_id) references members;
create view recent_posts as select id, title from posts where id > 10;
create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger posts_touch before update on posts for each row execute function touch();
create table tidemark_migrations (name text primary key);
comment on table posts is 'Posts: ''quoted'', ünïcode ✓';
comment on column users.email is E'Login\\nwith a \\\\ backslash, \${x} and \`tick\`';
comment on type mood is 'How it went';
comment on view recent_posts is 'Newest posts';
alter table teams enable row level security;
alter table teams force row level security;
create policy team_read on teams for select using (id > 0);
`

/** Runs SQL on (or reads) a project's embedded database, the one the CLI uses without a URL. */
async function withEmbedded<T>(dir: string, use: (client: PGlite) => Promise<T>): Promise<T> {
  const dataDir = join(dir, '.tidemark', 'pglite')
  const client = await openPGliteDir(dataDir)
  try {
    return await use(client)
  } finally {
    await client.close()
  }
}

const readModel = (dir: string): Promise<SchemaModel> =>
  withEmbedded(dir, (client) =>
    introspect(fromPGlite(client), { exclude: [{ schema: 'public', table: 'tidemark_migrations' }] }),
  )

describe('tidemark pull', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })
  const schemaFile = () => readFile(join(project.dir, 'src', 'schema.ts'), 'utf8')
  beforeAll(async () => {
    project = await tempProject({ 'tidemark.config.ts': config })
    await withEmbedded(project.dir, (client) => client.exec(DATABASE))
  })
  afterAll(() => project?.remove())

  it('writes the schema module the config names, and says what it wrote', async () => {
    expect(await run('pull')).toEqual({
      code: 0,
      out: [
        'Wrote src/schema.ts: 5 tables, 1 enum, 1 domain, 1 composite type, 1 view, 1 sequence, 1 routine, 1 trigger.',
        '',
      ].join('\n'),
      err: '',
    })
    const source = await schemaFile()
    expect(source).toContain("export const postsTouch = trigger('posts_touch', posts, {")
    expect(source).toContain("export const users = table('users', {")
    expect(source).toContain(
      "authorId: bigint('author_id')\n      .notNull()\n      .references(() => users.id, { onDelete: 'cascade' }),",
    )
    // References in a cycle name their return type, which TypeScript could not infer.
    expect(source).toContain("parentId: integer('parent_id').references((): AnyColumn => categories.id),")
    expect(source).toContain("captainId: integer('captain_id').references((): AnyColumn => members.id),")
    expect(source).toContain(
      "teamId: integer('team_id')\n    .notNull()\n    .references((): AnyColumn => teams.id),",
    )
    expect(source).toContain('import {\n  type AnyColumn,\n  bigint,\n')
    expect(source).toContain(
      "export const mood = enumType('mood', ['ok', 'sad'], { comment: 'How it went' })",
    )
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is data that contains `${` on purpose
    expect(source).toContain(String.raw`.comment('Login\nwith a \\ backslash, ` + "${x} and `tick`')")
    expect(source).toContain(`(t) => [comment("Posts: 'quoted', ünïcode ✓"), index().on(t.authorId)]`)
    expect(source).toContain("view('recent_posts', {}, { comment: 'Newest posts' })")
    expect(source).toContain(
      "export const emailAddress = domain('email_address', text(), {\n  checks: { email_address_has_at: sql`(VALUE ~ '@'::text)` },\n})",
    )
    expect(source).toContain(
      "export const address = compositeType(\n  'address',\n  { street: text(), zip: varchar({ length: 10 }), kind: mood() },\n  { comment: 'Where' },\n)",
    )
    expect(source).toContain("backupEmail: emailAddress('backup_email'),\n  home: address(),")
    expect(source).toContain("policy('team_read', { for: 'select', using: sql`(id > 0)` })")
    // The migration journal is Tidemark's own table, not part of the schema.
    expect(source).not.toContain('tidemark_migrations')
  })

  it('refuses to overwrite a file with content unless --force, in one line that says how', async () => {
    await project.write('src/schema.ts', '// mine\n')
    expect(await run('pull')).toEqual({
      code: 2,
      out: '',
      err: 'tidemark: src/schema.ts already exists and is not empty; pass --force to overwrite it.\n',
    })
    expect(await schemaFile()).toBe('// mine\n')
    expect((await run('pull', '--force')).code).toBe(0)
    expect(await schemaFile()).toContain("export const users = table('users', {")
  })

  it('writes to --out and reports as one JSON object with --json', async () => {
    const result = await run('pull', '--out', 'generated/db.ts', '--json')
    expect(result.err).toBe('')
    expect(JSON.parse(result.out)).toEqual({
      file: join(project.dir, 'generated', 'db.ts'),
      tables: 5,
      enums: 1,
      domains: 1,
      compositeTypes: 1,
      views: 1,
      sequences: 1,
      extensions: 0,
      routines: 1,
      triggers: 1,
      warnings: [],
    })
    expect(await readFile(join(project.dir, 'generated', 'db.ts'), 'utf8')).toBe(await schemaFile())
  })

  it('writes code that type-checks under strict TypeScript', async () => {
    await project.write('package.json', '{ "type": "module" }\n')
    // Plain references keep their target table in the column's type; annotated ones cannot.
    await project.write(
      'src/flags.ts',
      [
        "import type { categories, posts } from './schema.js'",
        'type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false',
        "export const plain: Equal<(typeof posts.authorId)['$flags'], 'notNull' | 'ref:users'> = true",
        "export const cyclic: Equal<(typeof categories.parentId)['$flags'], never> = true",
        '',
      ].join('\n'),
    )
    await project.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(repository, 'node_modules', '@types')],
          paths: { 'tidemark/pg': [join(repository, 'src', 'pg.ts')] },
        },
        files: ['src/schema.ts', 'src/flags.ts'],
      }),
    )
    const tsc = join(repository, 'node_modules', '.bin', 'tsc')
    await expect(promisify(execFile)(tsc, ['-p', project.dir])).resolves.toMatchObject({ stdout: '' })
  })

  it('explains itself with --help', async () => {
    expect(await run('pull', '--help')).toEqual({ code: 0, out: PULL_HELP, err: '' })
  })

  it('asks for --out when no schema module is configured', async () => {
    const bare = await tempProject()
    try {
      const result = await tidemark(['pull'], { cwd: bare.dir })
      expect(result.code).toBe(2)
      expect(result.err).toBe(
        "tidemark: No file to write to: pass --out ./src/schema.ts (or set 'schema' in tidemark.config.ts).\n",
      )
    } finally {
      await bare.remove()
    }
  })
})

describe('tidemark pull, then generate and migrate into an empty database', () => {
  let source: Awaited<ReturnType<typeof tempProject>>
  let copy: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    source = await tempProject({ 'tidemark.config.ts': config })
    await withEmbedded(source.dir, (client) => client.exec(DATABASE))
    copy = await tempProject({ 'tidemark.config.ts': config })
  })
  afterAll(async () => {
    await source?.remove()
    await copy?.remove()
  })

  it('builds the same tables, enums, sequences, views, comments, routines and triggers', async () => {
    expect((await tidemark(['pull'], { cwd: source.dir })).code).toBe(0)
    await copy.write('src/schema.ts', await readFile(join(source.dir, 'src', 'schema.ts'), 'utf8'))
    const generated = await tidemark(['generate', '--name', 'pulled'], { cwd: copy.dir })
    expect(generated.err).toBe('')
    const migrated = await tidemark(['migrate'], { cwd: copy.dir })
    expect(migrated.err).toBe('')
    expect(await tidemark(['generate'], { cwd: copy.dir })).toMatchObject({
      out: 'No schema changes: the migrations already build this schema.\n',
    })
    // Functions and triggers stay with the migrations that made them; everything else is rebuilt.
    const original = await readModel(source.dir)
    expect(await readModel(copy.dir)).toEqual(original)
  })
})
