/**
 * PGlite is an optional peer dependency. Run in a process where `@electric-sql/pglite` cannot be
 * resolved, as where it is not installed, the commands that need it say how to get it or how to do
 * without it, instead of Node's "Cannot find package".
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverUrl } from '../support/databases.js'
import { runNodeScript } from '../support/run-node.js'
import { tempProject } from './support.js'

const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

const SHADOW_NEEDS_PGLITE =
  'tidemark: The scratch database where migrations are replayed and schemas compared runs on PGlite, and @electric-sql/pglite is not installed.\n' +
  'Install it (npm i -D @electric-sql/pglite), or set shadowDatabaseUrl in the config (or --shadow-url) to a PostgreSQL server.\n'

describe('the CLI without @electric-sql/pglite', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({
      'schema.ts': `import { integer, table, text } from 'tidemark/pg'
export const users = table('users', { id: integer().primaryKey(), name: text() })
`,
      // A project with its (still empty) migrations folder: check refuses a missing one first.
      'migrations/.gitkeep': '',
    })
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) => runNodeScript(cli, args, project.dir, { hide: ['@electric-sql/pglite'] })

  it('generate names the package to install and the server alternative', async () => {
    const generated = await run('generate', '--schema', 'schema.ts')
    expect(generated).toEqual({ code: 2, stdout: '', stderr: SHADOW_NEEDS_PGLITE })
  })

  it('check with no database URL: the embedded live database needs it too (--json)', async () => {
    const checked = await run('check', '--schema', 'schema.ts', '--json')
    const message =
      'No database URL is configured, so the database is the embedded PGlite one, and @electric-sql/pglite is not installed.\n' +
      'Install it (npm i -D @electric-sql/pglite), or set databaseUrl in the config (or --url, or DATABASE_URL).'
    expect(checked).toEqual({
      code: 2,
      stdout: `${JSON.stringify({ error: { code: 'missing-package', message } })}\n`,
      stderr: `tidemark: ${message}\n`,
    })
  })

  it.runIf(serverUrl !== undefined)('check against a server replays on PGlite', async () => {
    const checked = await run('check', '--schema', 'schema.ts', '--url', serverUrl!)
    expect(checked).toEqual({ code: 2, stdout: '', stderr: SHADOW_NEEDS_PGLITE })
  })

  it.runIf(serverUrl !== undefined)('generate with --shadow-url does not need it', async () => {
    const generated = await run('generate', '--schema', 'schema.ts', '--shadow-url', serverUrl!)
    expect(generated.stderr).toBe('')
    expect(generated.stdout).toMatch(/^Wrote migrations\/\d{14}_\w+\/up\.sql and down\.sql/)
    expect(generated.code).toBe(0)
  })
})
