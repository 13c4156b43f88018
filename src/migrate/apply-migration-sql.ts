import type { Database, Queryable } from '../database/database.js'
import { withDedicatedConnection } from './dedicated-connection.js'
import { errorLocation } from './error-location.js'
import { MigrationError, MigrationSqlError } from './migration-errors.js'
import { type SqlStatement, splitStatements } from './split-statements.js'
import { loadSqlParser } from './sql-parser.js'

export interface ApplyMigrationSqlOptions {
  /** Run every statement inside one transaction (all or nothing). */
  readonly transaction: boolean
  /** PostgreSQL's lock_timeout while the file runs, e.g. `'10s'`; the server's setting when absent. */
  readonly lockTimeout?: string
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
      if (options.lockTimeout !== undefined) await setLockTimeout(tx, options.lockTimeout, 'transaction')
      await runStatements(tx, file, statements, { inTransaction: true })
    })
  } else {
    await runOutsideTransaction(db, file, statements, options.lockTimeout)
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

/**
 * Runs statements in order; the first failure becomes a MigrationError. Outside a transaction the
 * error lists the statements that had already succeeded, since nothing can roll them back.
 */
export async function runStatements(
  db: Queryable,
  file: string,
  statements: readonly SqlStatement[],
  options: { inTransaction: boolean },
): Promise<void> {
  for (const [index, statement] of statements.entries()) {
    try {
      await db.execute({ sql: statement.text, params: [] })
    } catch (cause) {
      throw new MigrationError({
        file,
        statementIndex: index,
        ...errorLocation(statement, cause),
        statement: statement.text,
        notRolledBack: options.inTransaction ? [] : statements.slice(0, index).map((s) => s.text),
        cause,
      })
    }
  }
}

/** SET LOCAL (`transaction`) or SET (`session`) lock_timeout; a bound parameter, never spliced text. */
export async function setLockTimeout(
  db: Queryable,
  value: string,
  scope: 'transaction' | 'session',
): Promise<void> {
  await db.execute({
    sql: `select set_config('lock_timeout', $1, ${scope === 'transaction'})`,
    params: [value],
  })
}

/**
 * Runs statements outside a transaction on one dedicated connection, with lock_timeout set for the
 * session (plain SET, since SET LOCAL needs a transaction) and RESET afterwards.
 */
export async function runOutsideTransaction(
  db: Database,
  file: string,
  statements: readonly SqlStatement[],
  lockTimeout: string | undefined,
): Promise<void> {
  await withDedicatedConnection(db, async (connection) => {
    if (lockTimeout !== undefined) await setLockTimeout(connection, lockTimeout, 'session')
    try {
      await runStatements(connection, file, statements, { inTransaction: false })
    } finally {
      if (lockTimeout !== undefined) await connection.execute({ sql: 'reset lock_timeout', params: [] })
    }
  })
}
