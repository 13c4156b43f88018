import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { compare, type Row } from './measure.js'
import type { ToolProject } from './project.js'
import { expectSuccess, runProcess } from './run-process.js'
import { REPO, tidemarkCommand } from './tools.js'

const OPEN_PGLITE = `const { PGlite } = await import('@electric-sql/pglite')
const db = await PGlite.create(process.argv[1])
await db.query('select 1')
await db.close()`

/**
 * The commands that read the project's embedded database, on the history the generate scenario
 * built (migrated once first, not timed): `check` as in a fresh checkout (no history or expression
 * cache, the machine's pristine PGlite data directory present) and warm, `status` and `migrate`
 * with nothing to apply; beside them, opening that database with PGlite alone and running one
 * query, the floor every one of them stands on.
 */
export async function embeddedCommands(
  project: ToolProject,
  migrations: number,
  rounds: number,
): Promise<Row[]> {
  const tidemark = (...args: string[]) => tidemarkCommand(project.dir, ...args)
  expectSuccess('tidemark migrate', await tidemark('migrate'))
  const timed =
    (what: string, ...args: string[]) =>
    async () =>
      expectSuccess(what, await tidemark(...args)).ms
  return compare(`embedded database, ${migrations} migrations`, rounds, [
    {
      tool: 'PGlite alone: open the database, one query',
      run: async () =>
        expectSuccess(
          'PGlite open',
          await runProcess(
            process.execPath,
            ['--input-type=module', '-e', OPEN_PGLITE, join(project.dir, '.tidemark', 'pglite')],
            REPO,
          ),
        ).ms,
    },
    { tool: 'tidemark status', run: timed('tidemark status', 'status') },
    { tool: 'tidemark migrate (nothing to apply)', run: timed('tidemark migrate', 'migrate') },
    {
      tool: 'tidemark check (fresh checkout)',
      run: async () => {
        await rm(join(project.dir, '.tidemark', 'cache'), { recursive: true, force: true })
        return timed('tidemark check', 'check', '--fail-on', 'none')()
      },
    },
    { tool: 'tidemark check (warm)', run: timed('tidemark check', 'check', '--fail-on', 'none') },
  ])
}
