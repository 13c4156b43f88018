import type pg from 'pg'
import { createDatabase } from '../create-database.js'
import type { Database, DatabaseOptions } from '../database/database.js'
import type { RelationalQueries } from '../relations/find.js'
import { nodePostgresDriver } from './node-postgres-driver.js'

/**
 * A Database over node-postgres. With a Pool, each transaction checks out its own client. With a
 * Client or PoolClient, transactions run on that one connection, so any query sent through this
 * Database while a transaction is open runs inside it: prefer a Pool. close() ends the pool or
 * client, or releases a PoolClient back to its pool.
 *
 * @example
 * const db = fromNodePostgres(new pg.Pool({ connectionString }))
 */
export function fromNodePostgres<S = {}, R = {}>(
  client: pg.Pool | pg.Client | pg.PoolClient,
  options?: DatabaseOptions<S, R>,
): Database<RelationalQueries<S, R>> {
  return createDatabase(nodePostgresDriver(client), options)
}
