import type { Database, Queryable } from '../../database/database.js'

/**
 * Runs fn on one connection, outside any transaction. A no-transaction file may open and commit a
 * transaction of its own across several statements, and its runner's claim names the connection
 * at work, yet through a pool consecutive `db.execute` calls may go to different connections
 * (postgres.js rotates them). The Database interface dedicates a connection only to a transaction, so
 * this opens one, ends it at once with COMMIT, lets fn run in autocommit mode on that connection,
 * and opens an empty transaction again for the driver to commit. fn may only `execute`.
 *
 * Behind a transaction-pooling proxy (pgbouncer in transaction mode) nothing can pin a server
 * connection between transactions: keep no-transaction files for the statements that need it.
 */
export async function withDedicatedConnection<T>(
  db: Database,
  fn: (connection: Queryable) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute({ sql: 'commit', params: [] })
    let result: T
    try {
      result = await fn(tx)
    } catch (error) {
      await tx.execute({ sql: 'begin', params: [] }).catch(() => {})
      throw error
    }
    await tx.execute({ sql: 'begin', params: [] })
    return result
  })
}
