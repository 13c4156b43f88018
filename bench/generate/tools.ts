import { readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { ToolProject } from './project.js'
import { expectSuccess, type ProcessRun, runProcess } from './run-process.js'

export const REPO = fileURLToPath(new URL('../../', import.meta.url))
/** tsx's loader by file URL: the temp projects have no node_modules of their own to find it in. */
export const TSX = import.meta.resolve('tsx')
/** The built command, as a project that installed the package runs it (`npm run build` first). */
const TIDEMARK_MAIN = `${REPO}dist/cli/main.js`
const DRIZZLE_KIT_BIN = `${REPO}node_modules/drizzle-kit/bin.cjs`

/** A `tidemark` command from the built package, in a project folder. */
export function tidemarkCommand(projectDir: string, ...args: string[]): Promise<ProcessRun> {
  return runProcess(process.execPath, [TIDEMARK_MAIN, ...args], projectDir)
}

/** `tidemark generate` from the built package, in a project folder. */
export function tidemarkGenerate(projectDir: string): Promise<ProcessRun> {
  return tidemarkCommand(projectDir, 'generate', '--name', 'bench')
}

/** `drizzle-kit generate` with the project's own config file. */
export function drizzleKitGenerate(projectDir: string): Promise<ProcessRun> {
  return runProcess(
    process.execPath,
    [DRIZZLE_KIT_BIN, 'generate', '--config', 'drizzle.config.ts'],
    projectDir,
  )
}

export async function expectTidemarkWrote(projectDir: string): Promise<ProcessRun> {
  return expectSuccess('tidemark generate', await tidemarkGenerate(projectDir), /^Wrote /)
}

export async function expectDrizzleKitWrote(projectDir: string): Promise<ProcessRun> {
  return expectSuccess('drizzle-kit generate', await drizzleKitGenerate(projectDir), /migration file/)
}

/** drizzle-kit's migrations: one .sql file each in the out folder (snapshots live in meta/). */
export async function drizzleMigrationCount(project: ToolProject): Promise<number> {
  return (await readdir(project.out)).filter((f) => f.endsWith('.sql')).length
}
