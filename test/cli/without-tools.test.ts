/**
 * The command's tools (jiti, libpg-query, @clack/prompts, tinyglobby) come with @tidemark/cli, so
 * an app that only queries installs none of them. Where neither it nor the tools are installed,
 * each command that needs one says which and how to get it; --help and --version need none. With
 * only @tidemark/cli installed, and the tools visible to it alone (as under pnpm), commands work.
 */
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMigrationFolder, writeSumFile } from '../../src/migrate/index.js'
import { runNodeScript } from '../support/run-node.js'
import { tempProject } from './support.js'

const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const TOOLS = ['jiti', 'libpg-query', '@clack/prompts', 'tinyglobby']
const FIX = 'Install it: npm i -D @tidemark/cli\n'

describe.concurrent('the CLI without @tidemark/cli', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({
      'schema.ts': `import { integer, table } from 'tidemark/pg'
export const users = table('users', { id: integer().primaryKey() })
`,
      'migrations/20260101000000_users/up.sql': 'create table users (id integer primary key);\n',
      'migrations/20260101000000_users/down.sql': 'drop table users;\n',
      // Named so that only --config finds it: migrate runs without a config file.
      'check.config.ts': "export default { schema: './schema.ts' }\n",
    })
    const migrations = join(project.dir, 'migrations')
    await writeSumFile(migrations, (await readMigrationFolder(migrations)).migrations)
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) =>
    runNodeScript(cli, args, project.dir, { hide: [...TOOLS, '@tidemark/cli'] })

  it('--help and --version need no tool', async () => {
    const [help, version] = await Promise.all([run('--help'), run('--version')])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^tidemark: PostgreSQL schema as code/)
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' })
  })

  it('generate names the tool, what needed it and the package to install', async () => {
    const generated = await run('generate', '--schema', 'schema.ts')
    expect(generated).toEqual({
      code: 2,
      stdout: '',
      stderr: `tidemark: generate needs tinyglobby (for finding the schema modules), which comes with @tidemark/cli, and it is not installed.\n${FIX}`,
    })
  })

  it('check with a config file: loading it needs jiti (--json)', async () => {
    const checked = await run('check', '--config', 'check.config.ts', '--json')
    const message =
      'check needs jiti (for loading check.config.ts), which comes with @tidemark/cli, and it is not installed.\n' +
      FIX.trimEnd()
    expect(checked).toEqual({
      code: 2,
      stdout: `${JSON.stringify({ error: { code: 'missing-package', message } })}\n`,
      stderr: `tidemark: ${message}\n`,
    })
  })

  it('migrate with no config file: splitting the pending migration needs libpg-query', async () => {
    const migrated = await run('migrate')
    expect(migrated).toEqual({
      code: 2,
      stdout: '',
      stderr: `tidemark: migrate needs libpg-query (for reading migration files), which comes with @tidemark/cli, and it is not installed.\n${FIX}`,
    })
  })
})

describe.concurrent('tidemark/migrate without @tidemark/cli', () => {
  it("the runner's parser, loaded where an app applies migrations from its code, says to install it as a dependency", async () => {
    const project = await tempProject({
      'start.mts': `import { loadSqlParser } from ${JSON.stringify(fileURLToPath(new URL('../../src/migrate/index.ts', import.meta.url)))}
await loadSqlParser().catch((error) => console.log(\`\${error.name}: \${error.message}\`))
`,
    })
    try {
      const started = await runNodeScript(join(project.dir, 'start.mts'), [], project.dir, { hide: TOOLS })
      expect(started).toEqual({
        code: 0,
        stdout:
          'MissingToolError: Reading migration files needs libpg-query, which comes with @tidemark/cli, and it is not installed.\n' +
          'Install it: npm i -D @tidemark/cli (npm i @tidemark/cli where an app applies migrations from its own code).\n',
        stderr: '',
      })
    } finally {
      await project.remove()
    }
  })
})

describe.concurrent('the CLI with @tidemark/cli only', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({
      'tidemark.config.ts': "export default { schema: './db/*.ts' }\n",
      'db/users.ts': `import { integer, table } from 'tidemark/pg'
export const users = table('users', { id: integer().primaryKey() })
`,
    })
  })
  afterAll(() => project.remove())

  it('loads the config, finds and loads the schema modules through it', async () => {
    // As under pnpm: Tidemark's own files cannot import the tools; @tidemark/cli's can.
    const src = pathToFileURL(fileURLToPath(new URL('../../src/', import.meta.url))).href
    const companion = new URL('../../packages/cli/index.js', import.meta.url).href
    const exported = await runNodeScript(cli, ['export'], project.dir, {
      hide: TOOLS,
      hideFrom: src,
      provide: { '@tidemark/cli': companion },
    })
    expect(exported.stderr).toBe('')
    expect(exported.stdout).toContain('CREATE TABLE "public"."users" (')
    expect(exported.code).toBe(0)
  })
})
