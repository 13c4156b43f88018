import type { Database } from '../../database/database.js'
import { MigrationSqlError } from '../folder/migration-errors.js'
import { type SqlStatement, splitStatements } from '../folder/split-statements.js'
import { loadSqlParser } from '../folder/sql-parser.js'
import { runOutsideTransaction } from './run-outside-transaction.js'
import { runStatements, setLocalLockTimeout } from './run-statements.js'

export interface ApplyMigrationSqlOptions {
  /** Run every statement inside one transaction (all or nothing). */
  readonly transaction: boolean
  /** PostgreSQL's lock_timeout while the file runs, e.g. `'10s'`; the server's setting when absent. */
  readonly lockTimeout?: string
  /** Told of each statement just before it runs (`push --verbose` prints it). */
  readonly onStatement?: (statement: SqlStatement) => void
}

/**
 * Runs a migration file statement by statement, so a failure names the statement and its line.
 * With `transaction`, all of them run in one transaction that a failure rolls back; without, each
 * runs on its own (for CREATE INDEX CONCURRENTLY and the like) and what succeeded stays done.
 * A failure is a MigrationError; a syntax error, found before anything runs, a MigrationSqlError.
 *
 * @example
 * await applyMigrationSql(db, 'migrations/20261125101500_create_users/up.sql', text, { transaction: true })
 */
export async function applyMigrationSql(
  db: Database,
  file: string,
  sql: string,
  options: ApplyMigrationSqlOptions,
): Promise<void> {
  const statements = await parseMigrationSql(file, sql, options.transaction)
  if (options.transaction) {
    await db.transaction(async (tx) => {
      if (options.lockTimeout !== undefined) await setLocalLockTimeout(tx, options.lockTimeout)
      await runStatements(tx, file, statements, { inTransaction: true, onStatement: options.onStatement })
    })
  } else {
    await runOutsideTransaction(db, file, statements, {
      lockTimeout: options.lockTimeout,
      onStatement: options.onStatement,
    })
  }
}

/** Loads the parser, splits the file, and refuses transaction control inside a transactional file. */
export async function parseMigrationSql(
  file: string,
  sql: string,
  inTransaction: boolean,
): Promise<SqlStatement[]> {
  await loadSqlParser()
  const statements = splitStatements(sql, file)
  if (inTransaction) {
    for (const statement of statements) {
      if (TRANSACTION_CONTROL.test(statement.text))
        throw new MigrationSqlError(
          file,
          statement.line,
          1,
          'transaction control (BEGIN, COMMIT, ROLLBACK...) is not allowed: each migration already runs in its own ' +
            'transaction. Remove it, or make `-- tidemark:no-transaction` the first line to run the file outside one',
        )
    }
  }
  return statements
}

const TRANSACTION_CONTROL = /^(begin|start\s+transaction|commit|end|rollback|abort)\b(?!\s+atomic)/i
