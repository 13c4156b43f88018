import type { Queryable } from '../../database/database.js'
import { MigrationError } from '../folder/migration-errors.js'
import type { SqlStatement } from '../folder/split-statements.js'
import { errorLocation } from './error-location.js'

/**
 * Runs statements in order; the first failure becomes a MigrationError. Outside a transaction the
 * error lists the statements that had already succeeded, since nothing can roll them back.
 */
export async function runStatements(
  db: Queryable,
  file: string,
  statements: readonly SqlStatement[],
  options: {
    inTransaction: boolean
    /** How to run one statement; default: execute it on db. */
    run?: (statement: SqlStatement) => Promise<unknown>
    /** Told of each statement just before it runs. */
    onStatement?: ((statement: SqlStatement) => void) | undefined
  },
): Promise<void> {
  const run = options.run ?? ((statement) => db.execute({ sql: statement.text, params: [] }))
  for (const [index, statement] of statements.entries()) {
    options.onStatement?.(statement)
    try {
      await run(statement)
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

/**
 * SET LOCAL lock_timeout: it ends with the transaction, so nothing stays on the connection. A bound
 * parameter, never spliced text.
 */
export async function setLocalLockTimeout(db: Queryable, value: string): Promise<void> {
  await db.execute({ sql: `select set_config('lock_timeout', $1, true)`, params: [value] })
}
