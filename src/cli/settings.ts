import { dirname, resolve } from 'node:path'
import { DEFAULT_JOURNAL, type JournalOptions } from '../migrate/runner/journal.js'
import { DEFAULT_LOCK_TIMEOUT } from '../migrate/runner/migrate.js'
import type { Casing } from '../schema/casing.js'
import { loadConfigFile } from './config-file.js'
import { type ParsedFlags, stringFlag } from './flags.js'
import type { CliIo } from './io.js'
import { resolveSchemaEntry } from './schema-files.js'

/** What a command runs with: the config file's settings, overridden by flags, resolved to absolute paths. */
export interface Settings {
  readonly configPath: string | null
  /** The directory relative paths and `.tidemark/` are resolved from. */
  readonly baseDir: string
  /** Schema module files, folders and glob patterns (see schemaFiles), absolute. */
  readonly schema: readonly string[]
  readonly migrations: string
  /** The live database; undefined means the embedded PGlite database in `.tidemark/`. */
  readonly databaseUrl: string | undefined
  readonly shadowUrl: string | undefined
  /** The database schemas to read; undefined: every user schema. */
  readonly schemas: readonly string[] | undefined
  readonly journal: JournalOptions
  readonly lockTimeout: string
  /** Migrations that lose data may run without asking (config `allowDataLoss`). */
  readonly allowDataLoss: boolean
  /** Roles to create when missing before migrate and push apply anything. */
  readonly roles: readonly string[]
  /** The casing the config says the schema modules declare (config `casing`). */
  readonly casing: Casing | undefined
  readonly json: boolean
  readonly verbose: boolean
}

export async function resolveSettings(flags: ParsedFlags, io: CliIo): Promise<Settings> {
  const { path, config } = await loadConfigFile(io.cwd, stringFlag(flags, 'config'))
  const baseDir = path === null ? io.cwd : dirname(path)
  const schemaFlag = stringFlag(flags, 'schema')
  // Flags are relative to where the command runs; config paths to the config file.
  const schema = await Promise.all(
    schemaFlag !== undefined
      ? schemaFlag
          .split(',')
          .filter((s) => s.trim() !== '')
          .map((s) => resolveSchemaEntry(io.cwd, s.trim()))
      : (typeof config.schema === 'string' ? [config.schema] : (config.schema ?? [])).map((s) =>
          resolveSchemaEntry(baseDir, s),
        ),
  )
  const migrationsFlag = stringFlag(flags, 'migrations')
  return {
    configPath: path,
    baseDir,
    schema,
    migrations:
      migrationsFlag !== undefined
        ? resolve(io.cwd, migrationsFlag)
        : resolve(baseDir, config.migrations ?? 'migrations'),
    databaseUrl: stringFlag(flags, 'url') ?? config.databaseUrl ?? nonEmpty(io.env.DATABASE_URL),
    shadowUrl: stringFlag(flags, 'shadow-url') ?? config.shadowDatabaseUrl,
    schemas: config.schemas,
    journal: { ...DEFAULT_JOURNAL, ...config.journal },
    lockTimeout: config.lockTimeout ?? DEFAULT_LOCK_TIMEOUT,
    allowDataLoss: config.allowDataLoss ?? false,
    roles: config.roles ?? [],
    casing: config.casing,
    json: flags.values.json === true,
    verbose: flags.values.verbose === true,
  }
}

const nonEmpty = (value: string | undefined): string | undefined => (value === '' ? undefined : value)
