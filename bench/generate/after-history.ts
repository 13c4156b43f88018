import { runCli } from '../../src/cli/run.js'
import { TABLES } from './from-empty.js'
import { compare, type Row } from './measure.js'
import {
  drizzleProject,
  dropEveryCache,
  dropProjectCache,
  saveMigrations,
  type ToolProject,
  tidemarkMigrationCount,
  tidemarkProject,
} from './project.js'
import { expectSuccess } from './run-process.js'
import { benchSchema, changedTables } from './schema-spec.js'
import {
  drizzleKitGenerate,
  drizzleMigrationCount,
  expectDrizzleKitWrote,
  tidemarkGenerate,
} from './tools.js'

export const HISTORY = 50
const TABLES_PER_STEP = TABLES / HISTORY

export interface AfterHistory {
  readonly rows: Row[]
  readonly tidemark: ToolProject
  /** Puts Tidemark's 50 migrations back (the timed runs add a 51st). */
  readonly restoreTidemark: () => Promise<void>
}

/** One more migration, changing 20 tables, on top of 50 migrations that grew the schema to 200 tables. */
export async function afterHistory(root: string, rounds: number): Promise<AfterHistory> {
  const tidemark = await tidemarkProject(root, 'after-history')
  const drizzle = await drizzleProject(root, 'after-history')
  console.error(`  building ${HISTORY} migrations for each tool (not timed)...`)
  await Promise.all([buildTidemarkHistory(tidemark), buildDrizzleKitHistory(drizzle)])
  expectCount('tidemark', await tidemarkMigrationCount(tidemark), HISTORY)
  expectCount('drizzle-kit', await drizzleMigrationCount(drizzle), HISTORY)

  const changed = benchSchema(TABLES, changedTables(TABLES))
  await tidemark.writeSchema(changed)
  await drizzle.writeSchema(changed)
  const restoreTidemark = await saveMigrations(tidemark)
  const restoreDrizzle = await saveMigrations(drizzle)
  // One change per changed table: a column added, a default changed or an index created.
  const expected = new RegExp(`^Wrote .*\\(${changedTables(TABLES).size} changes\\)`)
  const timedTidemark = async () =>
    expectSuccess('tidemark generate', await tidemarkGenerate(tidemark.dir), expected).ms
  const rows = await compare(`change 20 tables after ${HISTORY} migrations`, rounds, [
    {
      tool: 'tidemark (first on machine)',
      run: async () => {
        await restoreTidemark()
        await dropEveryCache(tidemark)
        return timedTidemark()
      },
    },
    {
      tool: 'tidemark (fresh checkout)',
      run: async () => {
        await restoreTidemark()
        await dropProjectCache(tidemark)
        return timedTidemark()
      },
    },
    {
      tool: 'drizzle-kit',
      run: async () => {
        await restoreDrizzle()
        return (await expectDrizzleKitWrote(drizzle.dir)).ms
      },
    },
    {
      tool: 'tidemark (warm)',
      run: async () => {
        await restoreTidemark()
        return timedTidemark()
      },
    },
  ])
  expectCount('tidemark', await tidemarkMigrationCount(tidemark), HISTORY + 1)
  expectCount('drizzle-kit', await drizzleMigrationCount(drizzle), HISTORY + 1)
  return { rows, tidemark, restoreTidemark }
}

/**
 * In this process, through the same runCli the binary calls: the history is not what is timed, and
 * fifty process starts with a fresh compile of the sources each would only make the wait longer.
 */
async function buildTidemarkHistory(project: ToolProject): Promise<void> {
  for (let step = 1; step <= HISTORY; step++) {
    await project.writeSchema(benchSchema(step * TABLES_PER_STEP))
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['generate', '--name', `step ${step}`], {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      cwd: project.dir,
      env: {},
      interactive: false,
    })
    if (code !== 0 || !out.join('').startsWith('Wrote ')) {
      throw new Error(`tidemark generate, history step ${step}, failed:\n${out.join('')}${err.join('')}`)
    }
  }
}

async function buildDrizzleKitHistory(project: ToolProject): Promise<void> {
  for (let step = 1; step <= HISTORY; step++) {
    await project.writeSchema(benchSchema(step * TABLES_PER_STEP))
    expectSuccess(
      `drizzle-kit generate, history step ${step}`,
      await drizzleKitGenerate(project.dir),
      /migration file/,
    )
  }
}

function expectCount(tool: string, count: number, expected: number): void {
  if (count !== expected) throw new Error(`${tool} has ${count} migrations; expected ${expected}`)
}
