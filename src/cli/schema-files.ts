import { stat } from 'node:fs/promises'
import { basename, isAbsolute, posix, relative, resolve } from 'node:path'
import { loadTool, type Tool } from '../tools/load-tool.js'
import { CliError } from './cli-error.js'

/** The files a folder contributes, and the only ones a pattern may: modules, not declarations or tests. */
const MODULE = /\.(ts|mts|js|mjs)$/
const NOT_SCHEMA = [/\.d\.[cm]?ts$/, /\.(test|spec)\.[cm]?[jt]s$/]
const IGNORE = ['**/node_modules/**']

const PURPOSE = 'finding the schema modules'
const globber = (): Promise<Tool<'tinyglobby'>> => loadTool('tinyglobby', PURPOSE)

/**
 * A `schema` entry (config or --schema) resolved against `base`: a path, or a glob pattern kept as
 * a pattern (in forward slashes, as globs are written on every platform).
 */
export async function resolveSchemaEntry(base: string, entry: string): Promise<string> {
  const { convertPathToPattern, isDynamicPattern } = await globber()
  if (!isDynamicPattern(entry)) return resolve(base, entry)
  const pattern = entry.replaceAll('\\', '/')
  return isAbsolute(entry) ? pattern : posix.normalize(`${convertPathToPattern(base)}/${pattern}`)
}

/**
 * The schema module files the entries name, in order: a file as it is; a folder as every module
 * inside it, recursively; a glob pattern as the modules it matches. A folder's or a pattern's files
 * come sorted, without .d.ts files, tests (`*.test.ts`, `*.spec.ts`) and node_modules. A file
 * named twice is loaded once. A pattern or folder that gives no file is an error naming it,
 * relative to `baseDir`.
 */
export async function schemaFiles(entries: readonly string[], baseDir: string): Promise<string[]> {
  const { glob, isDynamicPattern } = await globber()
  const files = new Set<string>()
  for (const entry of entries) {
    const shown = relative(baseDir, entry) || entry
    if (isDynamicPattern(entry)) {
      const found = modules(await glob([entry], { absolute: true, onlyFiles: true, ignore: IGNORE }))
      if (found.length === 0)
        throw new CliError(
          `Schema pattern ${shown} matches no schema module (.ts, .mts, .js or .mjs; tests and .d.ts files aside). Fix 'schema' in the config, or --schema.`,
          2,
          { code: 'config' },
        )
      for (const file of found) files.add(file)
    } else if (await isDirectory(entry)) {
      const found = modules(
        await glob(['**/*'], { cwd: entry, absolute: true, onlyFiles: true, ignore: IGNORE }),
      )
      if (found.length === 0)
        throw new CliError(
          `Schema folder ${shown} holds no schema module (.ts, .mts, .js or .mjs; tests and .d.ts files aside). Fix 'schema' in the config, or --schema.`,
          2,
          { code: 'config' },
        )
      for (const file of found) files.add(file)
    } else {
      files.add(entry)
    }
  }
  return [...files]
}

/** Whether an entry names one file (which may not exist yet), rather than a folder or a pattern. */
export async function isSingleFile(entry: string): Promise<boolean> {
  const { isDynamicPattern } = await globber()
  return !isDynamicPattern(entry) && !(await isDirectory(entry))
}

/** The module files among glob results, as native paths, sorted so the load order never varies. */
function modules(paths: readonly string[]): string[] {
  return paths
    .filter((path) => MODULE.test(path) && !NOT_SCHEMA.some((skip) => skip.test(basename(path))))
    .map((path) => resolve(path))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

const isDirectory = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  )
