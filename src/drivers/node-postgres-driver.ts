import type pg from 'pg'
import type { Driver, DriverConnection, RawResult } from '../database/driver.js'
import { toDatabaseError } from '../database/driver-error.js'
import { runTransaction } from './run-transaction.js'

/**
 * A node-postgres Pool, Client or PoolClient, or a client with the same API (Neon's serverless
 * driver re-exports node-postgres's classes over a WebSocket transport).
 */
export type NodePostgresClient = pg.Pool | pg.Client | pg.PoolClient

/**
 * The Driver over a node-postgres-style client. With a Pool, each transaction checks out its own
 * client; with a Client or PoolClient, transactions run on that one connection. close() ends the
 * pool or client, or releases a PoolClient back to its pool.
 */
export function nodePostgresDriver(client: NodePostgresClient): Driver {
  return {
    query: (sql, params) => runText(client, sql, params),
    transaction: (fn) =>
      isPool(client) ? transactionOnPool(client, fn) : runTransaction(connectionOf(client), fn),
    close: () => (isPoolClient(client) ? Promise.resolve(client.release()) : client.end()),
  }
}

// Every value comes back as the server's text: Tidemark decodes, so all drivers agree.
const keepText = (value: string) => value
const textTypes = { getTypeParser: () => keepText } as unknown as pg.CustomTypesConfig

/**
 * The query config node-postgres receives. It copies every config's own properties on each query
 * (a measurable share of a primary-key lookup), so the fixed settings live on the prototype, which
 * it keeps, and only the text and values are copied.
 */
class TextArrayQuery {
  constructor(
    readonly text: string,
    readonly values: (string | null)[],
  ) {}
}
Object.assign(TextArrayQuery.prototype, { rowMode: 'array', types: textTypes })

async function runText(
  client: NodePostgresClient,
  sql: string,
  params: readonly (string | null)[],
): Promise<RawResult> {
  let result: pg.QueryArrayResult<(string | null)[]>
  try {
    // Not copied: node-postgres reads the values and never changes them.
    const query = new TextArrayQuery(sql, params as (string | null)[]) as unknown as pg.QueryArrayConfig
    const results: pg.QueryArrayResult<(string | null)[]> | pg.QueryArrayResult<(string | null)[]>[] =
      await client.query<(string | null)[]>(query)
    // Without parameters, several statements may run in one query: the last one's result counts.
    result = Array.isArray(results) ? results[results.length - 1]! : results
  } catch (error) {
    throw toDatabaseError(error, sql)
  }
  return {
    fields: result.fields.map((field) => ({ name: field.name, typeOid: field.dataTypeID })),
    rows: result.rows,
    rowCount: result.rowCount ?? null,
    command: result.command || null,
  }
}

function connectionOf(client: NodePostgresClient): DriverConnection {
  return { query: (sql, params) => runText(client, sql, params) }
}

async function transactionOnPool<T>(
  pool: pg.Pool,
  fn: (connection: DriverConnection) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    return await runTransaction(connectionOf(client), fn, (error) => {
      broken = error instanceof Error ? error : new Error(String(error))
    })
  } finally {
    // release(error) destroys the connection instead of handing a half-finished transaction to the next caller.
    client.release(broken)
  }
}

function isPool(client: NodePostgresClient): client is pg.Pool {
  return 'totalCount' in client
}

function isPoolClient(client: NodePostgresClient): client is pg.PoolClient {
  return 'release' in client && typeof client.release === 'function'
}
