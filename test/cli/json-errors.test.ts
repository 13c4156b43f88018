/**
 * With --json, a command that fails still prints one JSON document on stdout,
 * `{ "error": { "code", "message" } }`, as docs/check-report.schema.json describes, and the schema
 * ships in the npm package.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES, type ErrorCode } from '../../src/cli/error-code.js'
import { type CliRun, tempProject, tidemark } from './support.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const reportSchema = JSON.parse(
  await readFile(new URL('../../docs/check-report.schema.json', import.meta.url), 'utf8'),
) as { $defs: { error: { properties: { code: { examples: string[] } } } } }
const conformsToSchema = new Ajv2020({ allErrors: true }).compile(reportSchema)

const schema = `import { integer, table, text } from 'tidemark/pg'
export const users = table('users', { id: integer().primaryKey(), name: text() })
`

function expectJsonError(run: CliRun, code: ErrorCode, exitCode: 1 | 2, message: string | RegExp): void {
  expect(run.code).toBe(exitCode)
  expect(run.out.endsWith('\n') && run.out.indexOf('\n') === run.out.length - 1).toBe(true)
  const document = JSON.parse(run.out) as { error: { code: string; message: string } }
  expect(conformsToSchema(document), JSON.stringify(conformsToSchema.errors)).toBe(true)
  expect(document.error.code).toBe(code)
  if (typeof message === 'string') expect(document.error.message).toBe(message)
  else expect(document.error.message).toMatch(message)
  // People still read the same message on stderr.
  expect(run.err).toBe(`tidemark: ${document.error.message}\n`)
}

describe('--json on errors', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({ 'schema.ts': schema, 'migrations/.gitkeep': '' })
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) => tidemark([...args, '--json'], { cwd: project.dir })

  it('usage: an unknown command, flag or argument', async () => {
    expectJsonError(
      await run('frobnicate'),
      'usage',
      2,
      "unknown command 'frobnicate'. Run 'tidemark --help' for the commands.",
    )
    expectJsonError(
      await run('status', '--colour'),
      'usage',
      2,
      "Unknown option '--colour'. Run 'tidemark status --help' for its flags.",
    )
    expectJsonError(
      await run('migrate', '--steps', '2'),
      'usage',
      2,
      "--to and --steps belong to 'tidemark migrate down'.",
    )
  })

  it('config: a missing config file, an unknown setting', async () => {
    expectJsonError(
      await run('check', '--config', 'nope.config.ts'),
      'config',
      2,
      'Config file nope.config.ts does not exist. Check the --config path.',
    )
    await project.write('typo.config.ts', "export default { schemas: ['public'], migration: 'db' }\n")
    expectJsonError(
      await run('status', '--config', 'typo.config.ts'),
      'config',
      2,
      /typo\.config\.ts: unknown setting 'migration'/,
    )
  })

  it('schema: a module that does not load', async () => {
    await project.write('throws.ts', 'throw new Error("boom")\n')
    expectJsonError(
      await run('generate', '--schema', 'throws.ts'),
      'schema',
      2,
      /^Schema module throws\.ts failed to load at throws\.ts:1:\d+: boom$/,
    )
  })

  it('connection: a URL that is not one, a server that is not there', async () => {
    expectJsonError(await run('migrate', '--url', 'not a url'), 'connection', 2, /is not a valid URL/)
    expectJsonError(
      await run('pull', '--out', 'pulled.ts', '--url', 'postgres://app:hunter2@127.0.0.1:1/app'),
      'connection',
      2,
      /^Cannot reach the PostgreSQL server at 127\.0\.0\.1:1/,
    )
  })

  it('sql: a migration that fails', async () => {
    await project.write('sqlerr/20260101000000_first/up.sql', 'create tabel b (id int);\n')
    expect((await tidemark(['hash', '--migrations', 'sqlerr'], { cwd: project.dir })).code).toBe(0)
    expectJsonError(
      await run('migrate', '--migrations', 'sqlerr'),
      'sql',
      2,
      /sqlerr\/20260101000000_first\/up\.sql:1:8: syntax error at or near "tabel"$/,
    )
  })

  it('finding: a folder that does not match its integrity file', async () => {
    await project.write('edited/20260101000000_first/up.sql', 'create table a (id int);\n')
    expect((await tidemark(['hash', '--migrations', 'edited'], { cwd: project.dir })).code).toBe(0)
    await project.write('edited/20260101000000_first/up.sql', 'create table a (id bigint);\n')
    const run1 = await run('check', '--migrations', 'edited')
    expect(run1.code).toBe(1)
    expectJsonError(run1, 'finding', 1, /20260101000000_first/)
  })

  it('the codes in the schema are the codes the CLI reports', () => {
    expect(reportSchema.$defs.error.properties.code.examples).toEqual([...ERROR_CODES])
  })

  it('the schema ships in the npm package', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
    })
    const [pack] = JSON.parse(stdout) as [{ files: { path: string }[] }]
    expect(pack.files.map((file) => file.path)).toContain('docs/check-report.schema.json')
  })
})
