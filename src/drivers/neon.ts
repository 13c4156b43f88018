import type { Client, Pool, PoolClient } from '@neondatabase/serverless'
import { createDatabase } from '../create-database.js'
import type { Database, DatabaseOptions } from '../database/database.js'
import { TidemarkError } from '../errors.js'
import type { RelationalQueries } from '../relations/find.js'
import { type NodePostgresClient, nodePostgresDriver } from './node-postgres-driver.js'

/**
 * A Database over Neon's serverless driver (`@neondatabase/serverless`): a Pool, Client or
 * PoolClient, which speak PostgreSQL's protocol over a WebSocket and support interactive
 * transactions. With a Pool, each transaction checks out its own client; with a Client or
 * PoolClient, transactions run on that one connection. close() ends the pool or client, or
 * releases a PoolClient. For the HTTP query function (`neon(url)`), use fromNeonHttp.
 *
 * @example
 * const db = fromNeonPool(new Pool({ connectionString: process.env.DATABASE_URL }))
 */
export function fromNeonPool<S = {}, R = {}>(
  client: Pool | Client | PoolClient,
  options?: DatabaseOptions<S, R>,
): Database<RelationalQueries<S, R>> {
  // The HTTP function sends each query on its own, so BEGIN and COMMIT would not share a session.
  if (typeof client === 'function')
    throw new TidemarkError(
      "fromNeonPool() got Neon's HTTP query function (neon(url)): use fromNeonHttp(neon(url)) for it, " +
        "or pass new Pool({ connectionString }) from '@neondatabase/serverless' for interactive transactions.",
    )
  // Neon's classes are node-postgres's, re-exported with a WebSocket socket: the same query config
  // (rowMode, per-query types) and the same results, so the node-postgres adapter drives them.
  return createDatabase(nodePostgresDriver(client as unknown as NodePostgresClient), options)
}
