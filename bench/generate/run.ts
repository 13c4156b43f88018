/**
 * `tidemark generate` against `drizzle-kit generate` on the same 200-table schema, each run as its
 * own process the way a user runs it:
 *
 *   npm run bench:generate            (BENCH_ROUNDS=5 for more rounds; 3 by default)
 *
 * Scenarios: the first migration from an empty folder, and one more migration changing 20 tables
 * on top of 50 earlier ones. Tidemark is timed as the first run on a machine (no cache at all: PGlite
 * starts by initdb), in a fresh checkout (no .tidemark/ folder; the machine's pristine PGlite data
 * directory from an earlier run exists) and warm. Then, on that history migrated into the project's
 * embedded database: status, migrate and check (fresh and warm) beside PGlite opening it alone.
 * Everything is generated in a temp folder that is removed at the end; the figures are printed and
 * written to bench/results/generate.json.
 */
import { spawnSync } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterHistory, HISTORY } from './after-history.js'
import { baselines, phases } from './breakdown.js'
import { embeddedCommands } from './embedded-commands.js'
import { fromEmpty } from './from-empty.js'
import type { Row } from './measure.js'
import { clearMigrations, createWorkspace, removeWorkspace } from './project.js'
import { printTable, writeResults } from './report.js'

const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
if (!Number.isInteger(rounds) || rounds < 3) {
  console.error('BENCH_ROUNDS must be a whole number, 3 or more.')
  process.exit(2)
}
const resultsFile = fileURLToPath(new URL('../results/generate.json', import.meta.url))

// Timed as users run it: the built package, so nothing is compiled from TypeScript on each run.
console.error('building...')
const build = spawnSync('npm', ['run', 'build'], { cwd: fileURLToPath(new URL('../..', import.meta.url)) })
if (build.status !== 0) {
  console.error(`npm run build failed:\n${build.stderr}`)
  process.exit(1)
}

const root = await createWorkspace()
try {
  const rows: Row[] = []
  console.error('from empty:')
  const empty = await fromEmpty(root, rounds)
  rows.push(...empty.rows)
  console.error('after history:')
  const history = await afterHistory(root, rounds)
  rows.push(...history.rows)

  console.error('breakdown:')
  rows.push(...(await baselines(rounds)))
  // An empty folder, as a project has before its first migration (a missing one is an error).
  await clearMigrations(empty.tidemark)
  await mkdir(empty.tidemark.out)
  rows.push(...(await phases('from empty', empty.tidemark)))
  await history.restoreTidemark()
  rows.push(...(await phases('after history', history.tidemark)))
  console.error('embedded database commands:')
  rows.push(...(await embeddedCommands(history.tidemark, HISTORY, rounds)))

  printTable(rows)
  await writeResults(resultsFile, rows)
  console.log(`\nWritten to ${fileURLToPath(new URL('../results/generate.json', import.meta.url))}`)
} finally {
  await removeWorkspace(root)
}
