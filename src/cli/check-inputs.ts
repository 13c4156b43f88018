import type { Queryable } from '../database/database.js'
import type { CheckOptions } from '../migrate/check/check.js'
import { type MigrationFolder, readMigrationFolder } from '../migrate/folder/migration-folder.js'
import { assertSumFile } from '../migrate/folder/sum-file.js'
import { type LoadedSchema, loadSchemaModel } from './schema-model.js'
import type { Settings } from './settings.js'

/** What a check compares the database with: the migration files (their sum verified) and the schema code. */
export interface CheckInputs {
  readonly folder: MigrationFolder
  /** The schema modules' model; undefined when none are configured (the code question is skipped). */
  readonly desired: LoadedSchema | undefined
}

/** Reads the check's inputs; a bad sum file or schema module fails here, before any database is opened. */
export async function readCheckInputs(settings: Settings): Promise<CheckInputs> {
  const folder = await readMigrationFolder(settings.migrations)
  assertSumFile(folder)
  const desired = settings.schema.length === 0 ? undefined : await loadSchemaModel(settings)
  return { folder, desired }
}

/** checkDatabase's options for the project: its journal, schemas and shadow database. */
export function checkOptions(
  settings: Settings,
  db: Queryable,
  inputs: CheckInputs,
  onStep?: (step: string) => void,
): CheckOptions {
  return {
    db,
    folder: inputs.folder,
    journal: settings.journal,
    schemas: settings.schemas,
    shadow: { url: settings.shadowUrl, cacheDir: `${settings.baseDir}/.tidemark/cache` },
    desired: inputs.desired,
    onStep,
  }
}
