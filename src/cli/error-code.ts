import { MissingPackageError } from '../drivers/missing-package-error.js'
import { DatabaseError, TidemarkError } from '../errors.js'
import {
  MigrationError,
  MigrationFolderError,
  MigrationHistoryError,
  MigrationSqlError,
  MigrationSumError,
} from '../migrate/folder/migration-errors.js'
import { SchemaError } from '../model/schema-error.js'
import { CliError } from './cli-error.js'

/**
 * What kind of failure a command reports: the `error.code` of its `--json` document (see
 * docs/check-report.schema.json). Codes are only ever added.
 */
export const ERROR_CODES = [
  /** Flags, arguments or a command that do not exist, or do not fit together. */
  'usage',
  /** The config file: missing, failing to load, or an invalid setting. */
  'config',
  /** A schema module: failing to load, or declaring something PostgreSQL would reject. */
  'schema',
  /** The database URL, the server, the login or the database name. */
  'connection',
  /** An optional package the command needs is not installed. */
  'missing-package',
  /** The migrations folder does not fit the layout. */
  'migrations',
  /** A migration's SQL, or another statement, failed in the database. */
  'sql',
  /** The journal and the migration files disagree (exit code 1). */
  'history',
  /** A finding that stops the command: pending work, a refused hazard, a rename to decide (exit code 1). */
  'finding',
  /** Any other error Tidemark raises on purpose. */
  'error',
  /** A bug or an error from below Tidemark; --verbose shows its stack. */
  'unexpected',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export function errorCode(error: unknown): ErrorCode {
  if (error instanceof CliError) return error.code
  if (error instanceof MissingPackageError) return 'missing-package'
  if (error instanceof SchemaError) return 'schema'
  if (error instanceof MigrationFolderError) return 'migrations'
  // A folder that does not match tidemark.sum is a finding (exit 1), like an edited migration.
  if (error instanceof MigrationSumError) return 'finding'
  if (error instanceof MigrationHistoryError) return 'history'
  if (error instanceof MigrationSqlError || error instanceof MigrationError || error instanceof DatabaseError)
    return 'sql'
  if (error instanceof TidemarkError) return 'error'
  return 'unexpected'
}
