import { join } from 'node:path'
import { TidemarkError } from '../../errors.js'
import { MigrationError } from '../folder/migration-errors.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import { applyMigrationSql } from '../runner/apply-migration-sql.js'
import type { ShadowDatabase } from './shadow.js'
import { provideRoles, rolesOfHistory } from './shadow-roles.js'

/**
 * Runs every migration's up.sql, in order, on a scratch database: the schema the migration history
 * builds, hand-written migrations included (on the embedded shadow, the roles they name are created
 * first). A transactional file runs as one script (fast); if that
 * fails, or the file must run outside a transaction, statement by statement, so a failure names its
 * file and line.
 */
export async function replayMigrations(shadow: ShadowDatabase, folder: MigrationFolder): Promise<void> {
  await provideRoles(shadow, await rolesOfHistory(folder))
  for (const migration of folder.migrations) {
    const file = join(folder.dir, migration.name, 'up.sql')
    const transaction = !migration.upNoTransaction
    await runScriptOrStatements(shadow, file, migration.up, { script: transaction, transaction }).catch(
      (error: unknown) => {
        if (shadow.kind === 'embedded' && isMissingExtension(error)) throw withServerHint(error)
        throw error instanceof MigrationError ? inScratchDatabase(error) : error
      },
    )
  }
}

/**
 * The scratch database is thrown away: what a non-transactional file did before it failed needs no
 * undoing there, unlike in a real database.
 */
function inScratchDatabase(error: MigrationError): MigrationError {
  if (error.notRolledBack.length === 0) return error
  const { file, statementIndex, line, column, statement } = error
  return new MigrationError({
    file,
    statementIndex,
    line,
    column,
    statement,
    notRolledBack: [],
    cause: error.cause,
  })
}

/** PostgreSQL's "extension ... is not available" (feature_not_supported) from CREATE EXTENSION. */
function isMissingExtension(error: unknown): error is MigrationError {
  return error instanceof MigrationError && error.code === '0A000' && /\bextension\b/.test(error.message)
}

/**
 * The embedded scratch database is PGlite, which bundles only some extensions: the history can
 * still be replayed on a server that has them.
 */
function withServerHint(error: MigrationError): TidemarkError {
  return new TidemarkError(
    `${error.message.split('\n')[0]}\nThe embedded scratch database (PGlite) does not have this extension: replay on a server that has it with --shadow-url (or shadowDatabaseUrl in the config).`,
    { cause: error },
  )
}

/**
 * The fast path first: a script runs as one implicit transaction, so when it fails nothing of it
 * remains and the statement-by-statement run starts from the same state (and reports the failure
 * precisely, or succeeds where the script could not, e.g. CREATE INDEX CONCURRENTLY).
 */
export async function runScriptOrStatements(
  shadow: ShadowDatabase,
  file: string,
  sql: string,
  options: { readonly script: boolean; readonly transaction: boolean },
): Promise<void> {
  if (options.script) {
    try {
      await shadow.runScript(sql)
      return
    } catch {
      // Run again statement by statement below, for the precise error.
    }
  }
  await applyMigrationSql(shadow.db, file, sql, { transaction: options.transaction })
}
