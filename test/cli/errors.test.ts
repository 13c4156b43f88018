/**
 * The errors a user meets, each triggered for real: one or two lines on stderr that name the
 * problem and the fix, exit code 2, and no stack trace.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverUrl } from '../support/databases.js'
import { type CliRun, tempProject, tidemark } from './support.js'

const schema = `import { integer, table, text } from 'tidemark/pg'
export const users = table('users', { id: integer().primaryKey(), name: text() })
`

function expectCleanError(run: CliRun, message: string | RegExp): void {
  expect(run.code).toBe(2)
  expect(run.out).toBe('')
  if (typeof message === 'string') expect(run.err).toBe(`tidemark: ${message}\n`)
  else expect(run.err).toMatch(message)
  expect(run.err).not.toMatch(/^\s+at /m)
  expect(run.err.trimEnd().split('\n').length).toBeLessThanOrEqual(2)
}

describe('CLI errors', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({ 'schema.ts': schema, 'migrations/.gitkeep': '' })
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })

  it('a config file that does not exist', async () => {
    expectCleanError(
      await run('check', '--config', 'nope.config.ts'),
      'Config file nope.config.ts does not exist. Check the --config path.',
    )
  })

  it('no schema configured for a command that needs one', async () => {
    expectCleanError(
      await run('generate'),
      "No schema modules are configured. Set 'schema' in tidemark.config.ts or pass --schema ./src/schema.ts.",
    )
  })

  it('a schema module with a syntax error: file and line', async () => {
    await project.write(
      'broken.ts',
      "import { table, text } from 'tidemark/pg'\nexport const t = table('t', {\n  a: text(.notNull(),\n})\n",
    )
    expectCleanError(
      await run('generate', '--schema', 'broken.ts'),
      /^tidemark: Schema module broken\.ts failed to load at broken\.ts:3:\d+: ParseError: Unexpected token\n$/,
    )
  })

  it('a schema module that throws while it loads: file and line', async () => {
    await project.write(
      'throws.ts',
      "const missing = undefined as any\n\nexport const t = missing.table('t')\n",
    )
    expectCleanError(
      await run('generate', '--schema', 'throws.ts'),
      /^tidemark: Schema module throws\.ts failed to load at throws\.ts:3:\d+: Cannot read properties of undefined \(reading 'table'\)\n$/,
    )
  })

  it('a config file with a syntax error: file and line', async () => {
    await project.write('bad.config.ts', 'export default { schema: ,}\n')
    expectCleanError(
      await run('check', '--config', 'bad.config.ts'),
      /^tidemark: bad\.config\.ts:1:\d+ failed to load: ParseError: Unexpected token\. Fix the file, or run with --verbose for details\.\n$/,
    )
  })

  it('a URL that is not one, and a URL of another database', async () => {
    expectCleanError(
      await run('check', '--url', 'not a url'),
      'The database URL is not a valid URL. Expected postgres://user:password@host:5432/database (--url, databaseUrl or DATABASE_URL).',
    )
    expectCleanError(
      await run('check', '--url', 'mysql://root:secret@localhost/app'),
      'mysql://root:***@localhost/app is not a PostgreSQL URL: it must start with postgres:// or postgresql://.',
    )
  })

  it('a server that is not there: host and port named, password hidden', async () => {
    const refused = await run('status', '--url', 'postgres://app:hunter2@127.0.0.1:1/app')
    expectCleanError(
      refused,
      'Cannot reach the PostgreSQL server at 127.0.0.1:1: connection refused. Is it running, and is the port right? (--url, databaseUrl or DATABASE_URL)',
    )
    expect(refused.err).not.toContain('hunter2')
  })

  it('an extension the embedded scratch database does not have: the way out named', async () => {
    await project.write('extdir/20260101000000_gis/up.sql', 'create extension postgis;\n')
    await run('hash', '--migrations', 'extdir')
    expectCleanError(
      await run('generate', '--schema', 'schema.ts', '--migrations', 'extdir'),
      /^tidemark: .*extdir\/20260101000000_gis\/up\.sql:1: statement 1 failed: extension "postgis" is not available \(0A000\)\nThe embedded scratch database \(PGlite\) does not have this extension: replay on a server that has it with --shadow-url \(or shadowDatabaseUrl in the config\)\.\n$/,
    )
  })

  it('a SQL error in a migration file: file and line, and nothing applied', async () => {
    await project.write(
      'sqlerr/20260101000000_first/up.sql',
      'create table a (id int);\n\ncreate tabel b (id int);\n',
    )
    await run('hash', '--migrations', 'sqlerr')
    const failed = await run('migrate', '--migrations', 'sqlerr')
    expect(failed.code).toBe(2)
    expect(failed.err).toContain('sqlerr/20260101000000_first/up.sql:3')
    expect(failed.err).toContain('syntax error at or near "tabel"')
    expect(failed.err).not.toMatch(/^\s+at /m)
    const status = await run('status', '--migrations', 'sqlerr', '--json')
    expect(JSON.parse(status.out).migrations).toEqual([
      { name: '20260101000000_first', state: 'pending', appliedAt: null },
    ])
  })
})

describe.skipIf(serverUrl === undefined)('CLI errors from a server', () => {
  const name = `tidemark_errors_${randomBytes(6).toString('hex')}`
  const role = `tidemark_reader_${randomBytes(4).toString('hex')}`
  let admin: pg.Client
  let project: Awaited<ReturnType<typeof tempProject>>
  const url = (user: string, database = name) => {
    const target = new URL(serverUrl!)
    target.username = user
    target.pathname = `/${database}`
    return target.toString()
  }
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.query(`create role ${role} login`)
    project = await tempProject({
      'tidemark.config.ts': `export default { schema: './schema.ts' }\n`,
      'schema.ts': schema,
    })
    expect((await run('generate', '--name', 'users')).code).toBe(0)
    expect((await run('migrate', '--url', url('postgres'))).code).toBe(0)
  })
  afterAll(async () => {
    await project?.remove()
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.query(`drop role if exists ${role}`)
    await admin.end()
  })

  it('a login the server refuses', async () => {
    expectCleanError(
      await run('status', '--url', url('no_such_role_x')),
      /^tidemark: The server at [^ ]+:\d+ refused the login: role "no_such_role_x" does not exist\. Check the user and password in the URL\.\n$/,
    )
  })

  it('a database that does not exist', async () => {
    expectCleanError(
      await run('status', '--url', url('postgres', `${name}_missing`)),
      new RegExp(
        `^tidemark: Database "${name}_missing" does not exist on the server at [^ ]+:\\d+\\. Create it, or fix the database name in the URL\\.\\n$`,
      ),
    )
  })

  it('check needs only read access; a role without privileges cannot migrate', async () => {
    const owner = new pg.Client({ connectionString: url('postgres') })
    await owner.connect()
    await owner.query(`grant select on public.tidemark_migrations to ${role}`)
    await owner.end()
    const checked = await run('check', '--url', url(role))
    expect(checked.err).toBe('')
    expect(checked.out).toContain('Result: clean.')
    expect(checked.code).toBe(0)

    await project.write('schema.ts', schema.replace('name: text()', 'name: text(), bio: text()'))
    expect((await run('generate', '--name', 'bio')).code).toBe(0)
    const denied = await run('migrate', '--url', url(role))
    expect(denied.code).toBe(2)
    expect(denied.err).toMatch(
      /_bio\/up\.sql:\d+: statement 1 failed: must be owner of table users \(42501\)\n/,
    )
    expect(denied.err).not.toMatch(/^\s+at /m)
  })
})
