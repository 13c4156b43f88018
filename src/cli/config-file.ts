import { access } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import type { TidemarkConfig } from '../config.js'
import { CliError } from './cli-error.js'
import { createModuleLoader } from './load-module.js'
import { describeModuleError } from './module-error.js'

const DEFAULT_NAMES = [
  'tidemark.config.ts',
  'tidemark.config.mts',
  'tidemark.config.js',
  'tidemark.config.mjs',
]
const KNOWN_KEYS = new Set([
  'schema',
  'migrations',
  'schemas',
  'databaseUrl',
  'shadowDatabaseUrl',
  'journal',
  'lockTimeout',
  'allowDataLoss',
  'roles',
  'casing',
])

export interface LoadedConfig {
  /** The config file, or null when there is none (flags alone). */
  readonly path: string | null
  readonly config: TidemarkConfig
}

/** Finds and loads the config: `--config PATH`, else a `tidemark.config.*` in the working directory. */
export async function loadConfigFile(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  const path = explicit === undefined ? await findDefault(cwd) : resolve(cwd, explicit)
  if (path === null) return { path: null, config: {} }
  if (explicit !== undefined && !(await exists(path))) {
    throw new CliError(`Config file ${explicit} does not exist. Check the --config path.`, 2, {
      code: 'config',
    })
  }
  const loader = await createModuleLoader(cwd, `loading ${relative(cwd, path) || path}`)
  let loaded: unknown
  try {
    loaded = await loader.import(path, { default: true })
  } catch (error) {
    const { reason, where } = describeModuleError(error, cwd)
    throw new CliError(
      `${where ?? path} failed to load: ${reason}. Fix the file, or run with --verbose for details.`,
      2,
      { cause: error, code: 'config' },
    )
  }
  return { path, config: validateConfig(path, loaded) }
}

async function findDefault(cwd: string): Promise<string | null> {
  for (const name of DEFAULT_NAMES) {
    const candidate = resolve(cwd, name)
    if (await exists(candidate)) return candidate
  }
  return null
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  )

function validateConfig(path: string, value: unknown): TidemarkConfig {
  const fail = (problem: string): never => {
    throw new CliError(`${path}: ${problem}`, 2, { code: 'config' })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('the config must `export default defineConfig({ ... })` (an object)')
  }
  const config = value as Record<string, unknown>
  for (const key of Object.keys(config)) {
    if (!KNOWN_KEYS.has(key)) fail(`unknown setting '${key}'; the settings are ${[...KNOWN_KEYS].join(', ')}`)
  }
  const optionalString = (key: string): void => {
    if (config[key] !== undefined && typeof config[key] !== 'string') fail(`'${key}' must be a string`)
  }
  for (const key of ['migrations', 'databaseUrl', 'shadowDatabaseUrl', 'lockTimeout']) optionalString(key)
  if (config.allowDataLoss !== undefined && typeof config.allowDataLoss !== 'boolean')
    fail(`'allowDataLoss' must be true or false`)
  const schema = config.schema
  if (
    schema !== undefined &&
    typeof schema !== 'string' &&
    !(Array.isArray(schema) && schema.every((s) => typeof s === 'string'))
  ) {
    fail(`'schema' must be a path or a list of paths to schema modules`)
  }
  const schemas = config.schemas
  if (
    schemas !== undefined &&
    !(Array.isArray(schemas) && schemas.length > 0 && schemas.every((s) => typeof s === 'string' && s !== ''))
  ) {
    fail(`'schemas' must be a non-empty list of database schema names, e.g. ['public']`)
  }
  const roles = config.roles
  if (
    roles !== undefined &&
    !(Array.isArray(roles) && roles.every((r) => typeof r === 'string' && r !== ''))
  ) {
    fail(`'roles' must be a list of role names, e.g. ['app_user']`)
  }
  if (config.casing !== undefined && config.casing !== 'snake_case')
    fail(`'casing' must be 'snake_case' (or left out to use the keys as written)`)
  const journal = config.journal
  if (journal !== undefined) {
    if (typeof journal !== 'object' || journal === null) fail(`'journal' must be { schema?, table? }`)
    for (const [key, v] of Object.entries(journal as object)) {
      if ((key !== 'schema' && key !== 'table') || typeof v !== 'string' || v === '') {
        fail(`'journal' takes a non-empty 'schema' and 'table', not '${key}'`)
      }
    }
  }
  return config as TidemarkConfig
}
