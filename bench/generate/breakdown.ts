import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { compare, type Row } from './measure.js'
import type { ToolProject } from './project.js'
import { expectSuccess, runProcess } from './run-process.js'
import { REPO, TSX } from './tools.js'

const node =
  (args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  async () =>
    expectSuccess(`node ${args.join(' ')}`, await runProcess(process.execPath, args, REPO, env)).ms

const PGLITE_COLD = `const { PGlite } = await import('@electric-sql/pglite')
const db = await PGlite.create()
await db.close()`
const PGLITE_WARM = `const { PGlite } = await import('@electric-sql/pglite')
const { readFile } = await import('node:fs/promises')
const db = await PGlite.create({ loadDataDir: new Blob([await readFile(process.env.BENCH_PGLITE_TAR)]) })
await db.close()`

/**
 * What a Tidemark run is made of, measured from outside as separate processes: starting node with
 * tsx, loading the CLI, and starting PGlite with and without the cached data directory. The
 * machine's cache must hold it (a warm run happened).
 */
export async function baselines(rounds: number): Promise<Row[]> {
  const cacheDir = process.env.TIDEMARK_CACHE_DIR!
  const tar = (await readdir(cacheDir)).find((f) => f.endsWith('.tar'))
  if (tar === undefined) throw new Error(`No cached PGlite data directory in ${cacheDir}`)
  const script = (code: string) => ['--import', TSX, '--input-type=module', '-e', code]
  return compare('baselines (separate processes)', rounds, [
    { tool: 'node + tsx, empty script', run: node(script('')) },
    { tool: 'tidemark --version (built CLI)', run: node(['dist/cli/main.js', '--version']) },
    { tool: 'drizzle-kit --version', run: node(['node_modules/drizzle-kit/bin.cjs', '--version']) },
    { tool: 'PGlite start, initdb (cold)', run: node(script(PGLITE_COLD)) },
    {
      tool: 'PGlite start, cached data dir (warm)',
      run: node(script(PGLITE_WARM), { BENCH_PGLITE_TAR: join(cacheDir, tar) }),
    },
  ])
}

/** One warm run of the phase probe in a project: where a single generate spends its time. */
export async function phases(scenario: string, project: ToolProject): Promise<Row[]> {
  const probe = join(REPO, 'bench', 'generate', 'phase-probe.ts')
  const run = expectSuccess(
    'phase probe',
    await runProcess(process.execPath, ['--import', TSX, probe], project.dir),
  )
  const measured = JSON.parse(run.stdout) as Record<string, number>
  return Object.entries(measured).map(([phase, ms]) => ({
    scenario: `phases: ${scenario} (warm, one run)`,
    tool: phase,
    medianMs: ms,
    ratioToDrizzleKit: null,
  }))
}
