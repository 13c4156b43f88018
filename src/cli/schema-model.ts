import { relative } from 'node:path'
import { collect } from '../dialects/pg/to-model/index.js'
import type { SchemaModel } from '../model/types.js'
import { tableDefinition } from '../schema/table.js'
import { checkCasingConsistency } from './casing-consistency.js'
import { CliError } from './cli-error.js'
import { createModuleLoader } from './load-module.js'
import { describeModuleError } from './module-error.js'
import { schemaFiles } from './schema-files.js'
import type { Settings } from './settings.js'

/**
 * Imports the schema modules and turns them into the schema model, with the `toModel` of the
 * Tidemark the project itself imports (the same module instance as its tables).
 */
export async function loadSchemaModel(settings: Settings): Promise<LoadedSchema> {
  if (settings.schema.length === 0) {
    throw new CliError(
      "No schema modules are configured. Set 'schema' in tidemark.config.ts or pass --schema ./src/schema.ts.",
      2,
      { code: 'config' },
    )
  }
  const files = await schemaFiles(settings.schema, settings.baseDir)
  const loader = await createModuleLoader(settings.baseDir, 'loading the schema modules')
  const modules: unknown[] = []
  for (const path of files) {
    const shown = relative(settings.baseDir, path) || path
    try {
      modules.push(await loader.import(path))
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(`Cannot find module '${path}'`)) {
        throw new CliError(
          `Schema module ${shown} does not exist. Fix the path in 'schema' in the config, or in --schema.`,
          2,
          { code: 'config' },
        )
      }
      const { reason, where } = describeModuleError(error, settings.baseDir)
      throw new CliError(
        `Schema module ${shown} failed to load${where === undefined ? '' : ` at ${where}`}: ${reason}${importHint(reason)}`,
        2,
        { cause: error, code: 'schema' },
      )
    }
  }
  // A schema of nothing would drop every table: far more likely, the declarations lack `export`.
  const found = collect(modules)
  if (Object.values(found).every((objects: readonly unknown[]) => objects.length === 0)) {
    const shown = files.map((path) => relative(settings.baseDir, path) || path).join(', ')
    throw new CliError(
      `Schema module ${shown} exports no tables, views, types or other schema objects. Export each one, e.g. export const users = table('users', { ... }).`,
      2,
      { code: 'schema' },
    )
  }
  checkCasingConsistency(found.tables, settings.casing)
  const pg = (await loader.import('tidemark/pg').catch(() => import('../pg.js'))) as typeof import('../pg.js')
  try {
    return { model: pg.toModel(...modules), authoredDefaults: authoredDefaults(modules) }
  } catch (error) {
    throw new CliError(`The schema is invalid: ${(error as Error).message}`, 2, {
      cause: error,
      code: 'schema',
    })
  }
}

/**
 * A DSL function imported from the wrong entry point (`import { table } from 'tidemark'`) is
 * undefined, and calling it fails as `(0 , _tidemark.table) is not a function`.
 */
function importHint(reason: string): string {
  const name = reason.match(/^\(0 , _tidemark\.(\w+)\) is not a function$/)?.[1]
  return name === undefined ? '' : `. Import ${name} from 'tidemark/pg', where the schema DSL is.`
}

export interface LoadedSchema {
  readonly model: SchemaModel
  /** `schema.table.column` of the defaults written as SQL rather than as values. */
  readonly authoredDefaults: ReadonlySet<string>
}

/**
 * Which column defaults are SQL the author wrote (PostgreSQL may print them differently) rather than
 * values (which the model already prints as PostgreSQL does). Read from the declarations themselves,
 * which are plain data behind shared symbols, whichever module instance made them.
 */
export function authoredDefaults(modules: readonly unknown[]): ReadonlySet<string> {
  const names = new Set<string>()
  for (const table of collect(modules).tables) {
    const definition = table[tableDefinition]
    for (const column of Object.values(definition.columns)) {
      if (column.config.default?.kind === 'sql')
        names.add(`${definition.schema}.${definition.name}.${column.name}`)
    }
  }
  return names
}
