import type { Queryable } from '../database/database.js'
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
  db: Queryable,
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
    await withSessionLockTimeout(db, options.lockTimeout, () =>
      runStatements(db, file, statements, { inTransaction: false }),
    )
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
        line: statement.line,
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
 * Runs fn with lock_timeout set for the session, then RESET. The Database interface has no way to pin
 * one pooled connection, so through a pool SET, the statements and RESET share a connection only when
 * the pool hands the same idle one back each time (node-postgres does while nothing else uses it).
 * PGlite and single-connection clients always do.
 */
export async function withSessionLockTimeout<T>(
  db: Queryable,
  lockTimeout: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (lockTimeout === undefined) return fn()
  await setLockTimeout(db, lockTimeout, 'session')
  try {
    return await fn()
  } finally {
    await db.execute({ sql: 'reset lock_timeout', params: [] })
  }
}
