import type { Database, Queryable } from '../../database/database.js'
import { DatabaseError } from '../../errors.js'
import type { SqlStatement } from '../folder/split-statements.js'
import { withDedicatedConnection } from './dedicated-connection.js'
import { runStatements, setLocalLockTimeout } from './run-statements.js'

export interface OutsideTransactionOptions {
  /** PostgreSQL's lock_timeout for the statements; the server's setting when absent. */
  readonly lockTimeout: string | undefined
  /** Runs first on the connection that runs the statements (the runner records its claim there). */
  readonly beforeStatements?: (connection: Queryable) => Promise<void>
  /** Told of each statement just before it runs. */
  readonly onStatement?: ((statement: SqlStatement) => void) | undefined
}

/**
 * Runs a no-transaction file's statements in order on one dedicated connection, committing each on
 * its own, and leaves no session setting behind: a session-level SET could not be relied on to be
 * undone, since behind a transaction pooler (pgbouncer in transaction mode) only a transaction keeps
 * one server connection, and the SET would stay on a connection other clients then use. So:
 *
 * - each statement runs in a transaction of its own under `SET LOCAL lock_timeout`;
 * - a statement PostgreSQL refuses inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM...:
 *   SQLSTATE 25001, raised before it does anything) is rolled back and runs bare, without Tidemark's
 *   lock_timeout: the locks such statements wait for do not queue the application's reads and writes;
 * - a transaction the file opens itself (BEGIN ... COMMIT) gets `SET LOCAL lock_timeout` at its start.
 */
export async function runOutsideTransaction(
  db: Database,
  file: string,
  statements: readonly SqlStatement[],
  options: OutsideTransactionOptions,
): Promise<void> {
  await withDedicatedConnection(db, async (connection) => {
    await options.beforeStatements?.(connection)
    await runStatements(connection, file, statements, {
      inTransaction: false,
      run: statementRunner(connection, options.lockTimeout),
      onStatement: options.onStatement,
    })
  })
}

function statementRunner(
  connection: Queryable,
  lockTimeout: string | undefined,
): (statement: SqlStatement) => Promise<void> {
  let inFileTransaction = false
  const execute = (text: string) => connection.execute({ sql: text, params: [] })
  const limitLocks = async () => {
    if (lockTimeout !== undefined) await setLocalLockTimeout(connection, lockTimeout)
  }
  return async (statement) => {
    const control = transactionControl(statement.text)
    if (control !== undefined || inFileTransaction) {
      await execute(statement.text)
      if (control === 'begin') await limitLocks()
      if (control !== undefined) inFileTransaction = control === 'begin'
      return
    }
    await execute('begin')
    try {
      await limitLocks()
      await execute(statement.text)
    } catch (error) {
      // The statement's own error is the one to report, even if the connection is gone.
      await execute('rollback').catch(() => {})
      if (!(error instanceof DatabaseError && error.code === REFUSED_IN_TRANSACTION)) throw error
      await execute(statement.text)
      return
    }
    await execute('commit')
  }
}

/** SQLSTATE active_sql_transaction: "... cannot run inside a transaction block". */
const REFUSED_IN_TRANSACTION = '25001'

/**
 * Whether a statement of the file opens or ends a transaction itself. ROLLBACK TO SAVEPOINT and
 * COMMIT PREPARED end none; PREPARE TRANSACTION ends the current one.
 */
function transactionControl(text: string): 'begin' | 'end' | undefined {
  if (/^(begin|start\s+transaction)\b(?!\s+atomic)/i.test(text)) return 'begin'
  if (/^(commit|end|abort|rollback)\b(?!\s+(to|prepared)\b)/i.test(text)) return 'end'
  if (/^prepare\s+transaction\b/i.test(text)) return 'end'
  return undefined
}
