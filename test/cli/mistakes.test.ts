// @needs-database: the CLI runs on its embedded PGlite database and shadow.
/**
 * Mistakes people make in the config, the flags and the schema, each run through the CLI: the
 * message names the setting, table or column and the fix, the exit code is right, and there is no
 * stack trace. (The errors of the machinery around, a server that is not there, a file that does
 * not parse, are in errors.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempProject, tidemark } from './support.js'

interface Mistake {
  /** What the person got wrong. */
  readonly mistake: string
  /** Files of the case's own folder: a schema module, a config. */
  readonly files: Readonly<Record<string, string>>
  /** The command, given the case's folder (relative to where it runs). */
  readonly args: (dir: string) => string[]
  /** A fragment of the message on stderr. */
  readonly message: string
  readonly exitCode: 1 | 2
  /** Runs first, when the mistake takes more than files (a migration hashed, then edited). */
  readonly setUp?: (dir: string, write: (path: string, text: string) => Promise<void>) => Promise<void>
}

/** `tidemark hash` on the case's migrations: a folder must match its integrity file to be read. */
const hash = async (dir: string) => {
  const hashed = await tidemark(['hash', '--migrations', `${dir}/migrations`], { cwd: caseRoot })
  expect(hashed.code).toBe(0)
}
let caseRoot = ''

const DSL = `import { check, enumType, foreignKey, index, integer, primaryKey, sequence, sql, table, text, uniqueIndex, varchar, view } from 'tidemark/pg'\n`
const schema = (source: string) => ({ 'schema.ts': DSL + source })
const config = (source: string) => ({ 'tidemark.config.ts': source, 'schema.ts': DSL })
const generate = (dir: string) => [
  'generate',
  '--schema',
  `${dir}/schema.ts`,
  '--migrations',
  `${dir}/migrations`,
]
const withConfig = (command: string) => (dir: string) => [command, '--config', `${dir}/tidemark.config.ts`]

const MISTAKES: readonly Mistake[] = [
  // The config file.
  {
    mistake: 'the config exports a string, not an object',
    files: config(`export default './schema.ts'\n`),
    args: withConfig('status'),
    message: 'the config must `export default defineConfig({ ... })` (an object)',
    exitCode: 2,
  },
  {
    mistake: 'a misspelt setting',
    files: config(`export default { schema: './schema.ts', migration: './db' }\n`),
    args: withConfig('status'),
    message: "unknown setting 'migration'; the settings are schema, migrations,",
    exitCode: 2,
  },
  {
    mistake: 'schema is not a path',
    files: config(`export default { schema: 42 }\n`),
    args: withConfig('generate'),
    message: "'schema' must be a path or a list of paths to schema modules",
    exitCode: 2,
  },
  {
    mistake: 'schemas is a string, not a list',
    files: config(`export default { schema: './schema.ts', schemas: 'public' }\n`),
    args: withConfig('check'),
    message: "'schemas' must be a non-empty list of database schema names, e.g. ['public']",
    exitCode: 2,
  },
  {
    mistake: 'a misspelt journal setting',
    files: config(`export default { journal: { tabel: 'migrations' } }\n`),
    args: withConfig('status'),
    message: "'journal' takes a non-empty 'schema' and 'table', not 'tabel'",
    exitCode: 2,
  },
  {
    mistake: 'roles is a string, not a list',
    files: config(`export default { roles: 'app_user' }\n`),
    args: withConfig('migrate'),
    message: "'roles' must be a list of role names, e.g. ['app_user']",
    exitCode: 2,
  },
  {
    mistake: 'lockTimeout is a number',
    files: config(`export default { lockTimeout: 5000 }\n`),
    args: withConfig('migrate'),
    message: "'lockTimeout' must be a string",
    exitCode: 2,
  },
  {
    mistake: 'the config names a schema module that does not exist',
    files: config(`export default { schema: './src/schema.ts' }\n`),
    args: withConfig('generate'),
    message:
      "Schema module src/schema.ts does not exist. Fix the path in 'schema' in the config, or in --schema.",
    exitCode: 2,
  },
  {
    mistake: 'databaseUrl of another database',
    files: {
      ...config(`export default { databaseUrl: 'mysql://root:secret@localhost/app' }\n`),
      'migrations/.gitkeep': '',
    },
    args: withConfig('status'),
    message: 'mysql://root:***@localhost/app is not a PostgreSQL URL: it must start with postgres://',
    exitCode: 2,
  },
  // Commands and flags.
  {
    mistake: 'a misspelt command',
    files: {},
    args: () => ['genrate'],
    message: "unknown command 'genrate'. Did you mean 'generate'?",
    exitCode: 2,
  },
  {
    mistake: 'two letters of a command swapped',
    files: {},
    args: () => ['puhs'],
    message: "unknown command 'puhs'. Did you mean 'push'?",
    exitCode: 2,
  },
  {
    mistake: 'a misspelt flag',
    files: {},
    args: () => ['push', '--dry-rn'],
    message: "unknown flag '--dry-rn'. Did you mean '--dry-run'?",
    exitCode: 2,
  },
  {
    mistake: 'a misspelt flag with a value',
    files: {},
    args: () => ['migrate', '--allow-data-los'],
    message: "unknown flag '--allow-data-los'. Did you mean '--allow-data-loss'?",
    exitCode: 2,
  },
  {
    mistake: 'a misspelt common flag',
    files: {},
    args: () => ['status', '--migratons=db'],
    message: "unknown flag '--migratons'. Did you mean '--migrations'?",
    exitCode: 2,
  },
  {
    mistake: 'a flag of another command',
    files: {},
    args: () => ['status', '--force'],
    message: "Unknown option '--force'. Run 'tidemark status --help' for its flags.",
    exitCode: 2,
  },
  {
    mistake: 'migrate down misspelt',
    files: {},
    args: () => ['migrate', 'dwon'],
    message: "Unknown argument 'dwon'. Did you mean 'tidemark migrate down'?",
    exitCode: 2,
  },
  {
    mistake: 'a custom migration name with spaces and capitals',
    files: {},
    args: (dir) => ['generate', '--custom', 'Backfill Names', '--migrations', `${dir}/migrations`],
    message:
      "--custom 'Backfill Names' is not a migration name: a name holds only lowercase letters, digits and underscores, e.g. --custom backfill_names.",
    exitCode: 2,
  },
  {
    mistake: 'a schema glob that matches nothing',
    files: schema(''),
    args: (dir) => ['generate', '--schema', `${dir}/src/**/*.ts`],
    message: '/src/**/*.ts matches no schema module (.ts, .mts, .js or .mjs; tests and .d.ts files aside).',
    exitCode: 2,
  },
  {
    mistake: 'a schema folder with only tests in it',
    files: { 'db/schema.test.ts': 'export {}\n' },
    args: (dir) => ['generate', '--schema', `${dir}/db`],
    message: '/db holds no schema module (.ts, .mts, .js or .mjs; tests and .d.ts files aside).',
    exitCode: 2,
  },
  {
    mistake: 'a misspelt finding in --fail-on',
    files: schema(''),
    args: (dir) => ['check', '--migrations', `${dir}/migrations`, '--fail-on', 'drfit'],
    message: "--fail-on does not know 'drfit'. Use drift, code, journal,",
    exitCode: 2,
  },
  {
    mistake: '--steps without down',
    files: {},
    args: () => ['migrate', '--steps', '1'],
    message: "--to and --steps belong to 'tidemark migrate down'.",
    exitCode: 2,
  },
  {
    mistake: '--schema names a file that does not exist',
    files: {},
    args: (dir) => ['generate', '--schema', `${dir}/schema.ts`],
    message: 'schema.ts does not exist. Fix the path',
    exitCode: 2,
  },
  // The migrations folder.
  {
    mistake: 'a migration folder not named by its timestamp',
    files: { 'migrations/add_users/up.sql': 'create table users (id int);\n' },
    args: (dir) => ['status', '--migrations', `${dir}/migrations`],
    message: 'migrations/add_users: a migration folder is named YYYYMMDDHHMMSS_slug',
    exitCode: 2,
  },
  {
    mistake: 'a migration edited after tidemark hash',
    files: { 'migrations/20260101000000_users/up.sql': 'create table users (id int);\n' },
    setUp: async (dir, write) => {
      await hash(dir)
      await write(`${dir}/migrations/20260101000000_users/up.sql`, 'create table users (id bigint);\n')
    },
    args: (dir) => ['check', '--migrations', `${dir}/migrations`],
    message:
      'migration 20260101000000_users changed since tidemark.sum was written: if the edit is deliberate, run `tidemark hash`',
    exitCode: 1,
  },
  {
    mistake: 'a migration outside a transaction that fails when replayed into an empty database',
    files: {
      ...schema(`export const a = table('replayed', { id: integer() })\n`),
      'migrations/20260101000000_first/up.sql':
        '-- tidemark:no-transaction\ncreate table replayed (id int);\ninsert into nope values (1);\n',
    },
    setUp: (dir) => hash(dir),
    args: generate,
    message: '20260101000000_first/up.sql:3:13: statement 2 failed: relation "nope" does not exist (42P01)',
    exitCode: 2,
  },
  // The schema module.
  {
    mistake: 'the DSL imported from tidemark instead of tidemark/pg',
    files: {
      'schema.ts': `import { integer, table } from 'tidemark'\nexport const t = (table as any)('t', { a: (integer as any)() })\n`,
    },
    args: generate,
    message:
      "(0 , _tidemark.integer) is not a function. Import integer from 'tidemark/pg', where the schema DSL is.",
    exitCode: 2,
  },
  {
    mistake: 'tables declared without export',
    files: schema(`const things = table('things', { id: integer().primaryKey() })\nvoid things\n`),
    args: generate,
    message:
      "/schema.ts exports no tables, views, types or other schema objects. Export each one, e.g. export const users = table('users', { ... }).",
    exitCode: 2,
  },
  {
    mistake: 'an index on a column removed from the table',
    files: schema(
      `export const accounts = table('accounts', { id: integer().primaryKey() }, (t) => [index().on((t as any).name)])\n`,
    ),
    args: generate,
    message:
      'table public.accounts, index: one of its columns is undefined: was it removed from the table or renamed? List existing columns only',
    exitCode: 2,
  },
  {
    mistake: 'a named unique index on a removed column',
    files: schema(
      `export const members = table('members', { id: integer().primaryKey() }, (t) => [uniqueIndex('members_email_key').on((t as any).email)])\n`,
    ),
    args: generate,
    message: 'table public.members, index members_email_key: one of its columns is undefined',
    exitCode: 2,
  },
  {
    mistake: 'a composite primary key naming a removed column',
    files: schema(
      `export const grants = table('grants', { a: integer(), b: integer() }, (t) => [primaryKey(t.a, (t as any).c)])\n`,
    ),
    args: generate,
    message: 'table public.grants, primary key: one of its columns is undefined',
    exitCode: 2,
  },
  {
    mistake: 'a reference to a removed column',
    files: schema(
      `export const owners = table('owners', { id: integer().primaryKey() })\nexport const pets = table('pets', { id: integer().primaryKey(), owner: integer().references(() => (owners as any).uid) })\n`,
    ),
    args: generate,
    message:
      'table public.pets, foreign key (owner): references a column that is undefined: was it removed from its table or renamed? Reference an existing column',
    exitCode: 2,
  },
  {
    mistake: 'a foreign key to a column that is not unique',
    files: schema(
      `export const authors = table('authors', { id: integer().primaryKey(), email: text() })\nexport const books = table('books', { id: integer().primaryKey(), author: text().references(() => authors.email) })\n`,
    ),
    args: generate,
    message:
      'table public.books, foreign key (author): references public.authors (email), which is not a primary key or unique; add unique() on it',
    exitCode: 2,
  },
  {
    mistake: 'a foreign key between columns of different types',
    files: schema(
      `export const teams = table('teams', { id: integer().primaryKey() })\nexport const players = table('players', { id: integer().primaryKey(), team: text().references(() => teams.id as any) })\n`,
    ),
    args: generate,
    message:
      'table public.players, foreign key (team): team is text but public.teams.id is integer, which PostgreSQL cannot compare; give team the type integer',
    exitCode: 2,
  },
  {
    mistake: 'a foreign key to a table the module does not export',
    files: schema(
      `const shops = table('shops', { id: integer().primaryKey() })\nexport const orders = table('orders', { id: integer().primaryKey(), shop: integer().references(() => shops.id) })\n`,
    ),
    args: generate,
    message:
      'table public.orders, foreign key (shop): references public.shops, which is not part of this schema (export it too)',
    exitCode: 2,
  },
  {
    mistake: 'a foreign key listing fewer columns than it references',
    files: schema(
      `export const regions = table('regions', { a: integer(), b: integer() }, (t) => [primaryKey(t.a, t.b)])\nexport const sites = table('sites', { id: integer().primaryKey(), a: integer() }, (t) => [foreignKey({ columns: [t.a], references: [regions.a, regions.b] })])\n`,
    ),
    args: generate,
    message:
      'table public.sites, foreign key (a): references 2 column(s) for 1 column(s); list one referenced column for each column',
    exitCode: 2,
  },
  {
    mistake: 'two tables with one name',
    files: schema(
      `export const a = table('people', { id: integer().primaryKey() })\nexport const b = table('people', { id: integer().primaryKey(), name: text() })\n`,
    ),
    args: generate,
    message:
      'table public.people: the name people is already used by table public.people; rename one of them',
    exitCode: 2,
  },
  {
    mistake: 'two columns with one SQL name',
    files: schema(
      `export const notes = table('notes', { id: integer().primaryKey(), a: text('body'), b: text('body') })\n`,
    ),
    args: generate,
    message: 'table public.notes, column body: two columns are named body; give one of them another name',
    exitCode: 2,
  },
  {
    mistake: 'a primary key on a column and another on the table',
    files: schema(
      `export const tags = table('tags', { id: integer().primaryKey(), slug: text() }, (t) => [primaryKey(t.slug)])\n`,
    ),
    args: generate,
    message: 'table public.tags: more than one primary key; use primaryKey(a, b) for a composite key',
    exitCode: 2,
  },
  {
    mistake: 'a default of the wrong type',
    files: schema(
      `export const stock = table('stock', { id: integer().primaryKey(), count: integer().default('none' as any) })\n`,
    ),
    args: generate,
    message:
      'table public.stock, column count: invalid default: expected a number default for integer, got string',
    exitCode: 2,
  },
  {
    mistake: 'an enum default that is not one of its labels',
    files: schema(
      `export const tier = enumType('tier', ['free', 'pro'])\nexport const plans = table('plans', { id: integer().primaryKey(), tier: tier().default('gold' as any) })\n`,
    ),
    args: generate,
    message:
      "table public.plans, column tier: invalid default: 'gold' is not a label of enum tier; use one of 'free', 'pro'",
    exitCode: 2,
  },
  {
    mistake: 'one index name on two tables',
    files: schema(
      `export const cats = table('cats', { id: integer().primaryKey(), n: text() }, (t) => [index('by_name').on(t.n)])\nexport const dogs = table('dogs', { id: integer().primaryKey(), n: text() }, (t) => [index('by_name').on(t.n)])\n`,
    ),
    args: generate,
    message:
      'index by_name: the name by_name is already used by table public.cats, index by_name; rename one of them',
    exitCode: 2,
  },
  {
    mistake: 'a varchar of length 0',
    files: schema(
      `export const codes = table('codes', { id: integer().primaryKey(), code: varchar({ length: 0 }) })\n`,
    ),
    args: generate,
    message: 'varchar length must be an integer from 1 to 10485760, got 0',
    exitCode: 2,
  },
  {
    mistake: 'an identity on a text column',
    files: schema(`export const keys = table('keys', { id: (text() as any).generatedAlwaysAsIdentity() })\n`),
    args: generate,
    message: 'table public.keys, column id: identity needs a smallint, integer or bigint column, not text',
    exitCode: 2,
  },
  {
    mistake: 'a sequence whose minimum is above its maximum',
    files: schema(`export const counter = sequence('counter', { minValue: 10, maxValue: 5 })\n`),
    args: generate,
    message: 'sequence public.counter: minValue (10) must be less than maxValue (5)',
    exitCode: 2,
  },
  {
    mistake: 'a table name longer than PostgreSQL keeps',
    files: schema(`export const long = table('${'x'.repeat(70)}', { id: integer() })\n`),
    args: generate,
    message: 'the name is 70 bytes long; PostgreSQL truncates names to 63 bytes',
    exitCode: 2,
  },
  // Mistakes only PostgreSQL finds, when generate loads the schema into its scratch database.
  {
    mistake: 'a check naming a column that does not exist',
    files: schema(
      `export const prices = table('prices', { id: integer().primaryKey() }, () => [check('prices_positive', sql\`amount > 0\`)])\n`,
    ),
    args: generate,
    message:
      'create table prices: column "amount" does not exist (42703), at: CONSTRAINT "prices_positive" CHECK (amount > 0).\nFix: name an existing column',
    exitCode: 2,
  },
  {
    mistake: 'an index expression with an unclosed parenthesis',
    files: schema(
      `export const words = table('words', { id: integer().primaryKey(), w: text() }, (t) => [index('words_lower').on(sql\`lower(\${t.w}\`)])\n`,
    ),
    args: generate,
    message: 'create index words_lower on words: syntax error at or near ";"',
    exitCode: 2,
  },
  {
    mistake: 'a view selecting a misspelt column',
    files: schema(
      `export const items = table('items', { id: integer().primaryKey() })\nexport const itemIds = view('item_ids').as(sql\`select idd from items\`)\n`,
    ),
    args: generate,
    message: 'create view item_ids: column "idd" does not exist (42703)',
    exitCode: 2,
  },
  {
    mistake: 'a partial index on a column that does not exist',
    files: schema(
      `export const jobs = table('jobs', { id: integer().primaryKey(), q: text() }, (t) => [index('jobs_live').on(t.q).where(sql\`deleted_at is null\`)])\n`,
    ),
    args: generate,
    message: 'create index jobs_live on jobs: column "deleted_at" does not exist (42703)',
    exitCode: 2,
  },
  {
    mistake: 'a generated column computed from another generated column',
    files: schema(
      `export const boxes = table('boxes', { a: integer(), b: integer().generatedAlwaysAs(sql\`a * 2\`), c: integer().generatedAlwaysAs(sql\`b * 2\`) })\n`,
    ),
    args: generate,
    message:
      'create table boxes: cannot use generated column "b" in column generation expression (42P17), at: "c" integer GENERATED ALWAYS AS (b * 2) STORED. A generated column cannot reference another generated column.',
    exitCode: 2,
  },
]

describe('mistakes people make', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject()
    caseRoot = project.dir
  })
  afterAll(() => project.remove())

  it('there are at least 25 of them', () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(25)
  })

  it.each(MISTAKES.map((m, i) => [m.mistake, m, i] as const))(
    '%s',
    async (_, mistake, i) => {
      const dir = `case${i}`
      for (const [path, text] of Object.entries(mistake.files)) await project.write(`${dir}/${path}`, text)
      await mistake.setUp?.(dir, project.write)
      // Run from the project's root, so the cases share one scratch-database cache.
      const run = await tidemark(mistake.args(dir), { cwd: project.dir })
      expect(run.err).toContain(mistake.message)
      expect(run.code).toBe(mistake.exitCode)
      expect(run.out).toBe('')
      expect(run.err).toMatch(/^tidemark: /)
      expect(run.err).not.toMatch(/^\s+at /m)
      expect(run.err).not.toMatch(/unexpected error|Cannot read properties|Undo them by hand/)
      expect(run.err.trimEnd().split('\n').length).toBeLessThanOrEqual(2)
      // The first case that needs the scratch database starts PGlite from nothing.
    },
    180_000,
  )
})
