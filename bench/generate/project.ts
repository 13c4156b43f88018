import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DRIZZLE, TIDEMARK } from './flavors.js'
import { renderSchema } from './render-schema.js'
import type { SchemaSpec } from './schema-spec.js'
import { REPO } from './tools.js'

const TIDEMARK_CONFIG = `import { defineConfig } from 'tidemark/config'
export default defineConfig({ schema: './schema.ts', migrations: './migrations' })
`
// No import of drizzle-kit: the config is plain data, so the temp project needs only drizzle-orm.
const DRIZZLE_CONFIG = `export default { dialect: 'postgresql', schema: './schema.ts', out: './drizzle' }
`

/**
 * A temp folder holding one Tidemark project and one drizzle-kit project per scenario. Its
 * node_modules links drizzle-orm from the repository so the drizzle schema modules resolve
 * `drizzle-orm/pg-core`; and `tidemark` links the repository itself, used built.
 */
export async function createWorkspace(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tidemark-bench-generate-'))
  await mkdir(join(root, 'node_modules'))
  // The machine-wide cache (the pristine PGlite data directory) of every Tidemark run here, so the
  // bench decides when a run finds it and the user's own cache is neither used nor touched.
  process.env.TIDEMARK_CACHE_DIR = machineCacheDir(root)
  await symlink(join(REPO, 'node_modules', 'drizzle-orm'), join(root, 'node_modules', 'drizzle-orm'), 'dir')
  // The project imports `tidemark` as an installed package: the repository, built.
  await symlink(REPO, join(root, 'node_modules', 'tidemark'), 'dir')
  return root
}

export const machineCacheDir = (root: string): string => join(root, 'machine-cache')

export const removeWorkspace = (root: string): Promise<void> => rm(root, { recursive: true, force: true })

export interface ToolProject {
  readonly dir: string
  /** Where the tool writes its migrations. */
  readonly out: string
  writeSchema(schema: SchemaSpec): Promise<void>
}

export async function tidemarkProject(root: string, name: string): Promise<ToolProject> {
  const dir = join(root, name, 'tidemark')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'tidemark.config.ts'), TIDEMARK_CONFIG)
  return {
    dir,
    out: join(dir, 'migrations'),
    writeSchema: (schema) => writeFile(join(dir, 'schema.ts'), renderSchema(schema, TIDEMARK)),
  }
}

export async function drizzleProject(root: string, name: string): Promise<ToolProject> {
  const dir = join(root, name, 'drizzle')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'drizzle.config.ts'), DRIZZLE_CONFIG)
  return {
    dir,
    out: join(dir, 'drizzle'),
    writeSchema: (schema) => writeFile(join(dir, 'schema.ts'), renderSchema(schema, DRIZZLE)),
  }
}

/** Removes the project's .tidemark folder, as in a fresh checkout: the next run has no history or expression cache. */
export const dropProjectCache = (project: ToolProject): Promise<void> =>
  rm(join(project.dir, '.tidemark'), { recursive: true, force: true })

/**
 * Removes the project's cache and the machine's pristine PGlite data directory too: the first run
 * on a new machine (a CI runner without a cache), which starts PGlite by initdb.
 */
export async function dropEveryCache(project: ToolProject): Promise<void> {
  await dropProjectCache(project)
  await rm(process.env.TIDEMARK_CACHE_DIR!, { recursive: true, force: true })
}

/** Keeps a copy of the migrations folder to restore before each timed run. */
export async function saveMigrations(project: ToolProject): Promise<() => Promise<void>> {
  const saved = `${project.out}.saved`
  await cp(project.out, saved, { recursive: true })
  return async () => {
    await rm(project.out, { recursive: true, force: true })
    await cp(saved, project.out, { recursive: true })
  }
}

export const clearMigrations = (project: ToolProject): Promise<void> =>
  rm(project.out, { recursive: true, force: true })

/** Tidemark's migrations: one folder each, next to the tidemark.sum file. */
export async function tidemarkMigrationCount(project: ToolProject): Promise<number> {
  const entries = await readdir(project.out, { withFileTypes: true })
  return entries.filter((e) => e.isDirectory()).length
}
