import type { SchemaModel } from '../model/types.js'
import { CliError } from './cli-error.js'
import { createModuleLoader } from './load-module.js'
import type { Settings } from './settings.js'

/**
 * Imports the schema modules and turns them into the schema model, with the `toModel` of the
 * Tidemark the project itself imports (the same module instance as its tables).
 */
export async function loadSchemaModel(settings: Settings): Promise<SchemaModel> {
  if (settings.schema.length === 0) {
    throw new CliError(
      "No schema modules are configured. Set 'schema' in tidemark.config.ts or pass --schema ./src/schema.ts.",
    )
  }
  const loader = createModuleLoader(settings.baseDir)
  const modules: unknown[] = []
  for (const path of settings.schema) {
    try {
      modules.push(await loader.import(path))
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0]
      throw new CliError(`Schema module ${path} failed to load: ${reason}`, 2, { cause: error })
    }
  }
  const pg = (await loader.import('tidemark/pg').catch(() => import('../pg.js'))) as typeof import('../pg.js')
  try {
    return pg.toModel(...modules)
  } catch (error) {
    throw new CliError(`The schema is invalid: ${(error as Error).message}`, 2, { cause: error })
  }
}
