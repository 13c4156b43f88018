import { compare, type Row } from './measure.js'
import {
  clearMigrations,
  drizzleProject,
  dropEveryCache,
  dropProjectCache,
  type ToolProject,
  tidemarkMigrationCount,
  tidemarkProject,
} from './project.js'
import { expectSuccess } from './run-process.js'
import { benchSchema } from './schema-spec.js'
import {
  drizzleMigrationCount,
  expectDrizzleKitWrote,
  expectTidemarkWrote,
  tidemarkGenerate,
} from './tools.js'

export const TABLES = 200

export interface FromEmpty {
  readonly rows: Row[]
  /** The Tidemark project, left with its one migration and a warm cache, for the breakdown. */
  readonly tidemark: ToolProject
}

/** The first migration of all 200 tables, from an empty migrations folder. */
export async function fromEmpty(root: string, rounds: number): Promise<FromEmpty> {
  const schema = benchSchema(TABLES)
  const tidemark = await tidemarkProject(root, 'from-empty')
  const drizzle = await drizzleProject(root, 'from-empty')
  await tidemark.writeSchema(schema)
  await drizzle.writeSchema(schema)
  const scenario = `from empty (${TABLES} tables)`
  const rows = await compare(scenario, rounds, [
    {
      tool: 'tidemark (first on machine)',
      run: async () => {
        await clearMigrations(tidemark)
        await dropEveryCache(tidemark)
        return (await expectTidemarkWrote(tidemark.dir)).ms
      },
    },
    {
      tool: 'tidemark (fresh checkout)',
      run: async () => {
        await clearMigrations(tidemark)
        await dropProjectCache(tidemark)
        return (await expectTidemarkWrote(tidemark.dir)).ms
      },
    },
    {
      tool: 'drizzle-kit',
      run: async () => {
        await clearMigrations(drizzle)
        return (await expectDrizzleKitWrote(drizzle.dir)).ms
      },
    },
    {
      tool: 'tidemark (warm)',
      run: async () => {
        await clearMigrations(tidemark)
        return (await expectTidemarkWrote(tidemark.dir)).ms
      },
    },
  ])
  expectOne('tidemark', await tidemarkMigrationCount(tidemark))
  expectOne('drizzle-kit', await drizzleMigrationCount(drizzle))
  const again = expectSuccess(
    'tidemark generate (again)',
    await tidemarkGenerate(tidemark.dir),
    /^No schema changes/,
  )
  rows.push({
    scenario,
    tool: 'tidemark (warm), re-run: no changes',
    medianMs: again.ms,
    ratioToDrizzleKit: null,
  })
  return { rows, tidemark }
}

function expectOne(tool: string, count: number): void {
  if (count !== 1) throw new Error(`${tool} wrote ${count} migrations from empty; expected exactly one`)
}
