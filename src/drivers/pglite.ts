import type {
  PGliteInterface,
  Transaction as PGliteTransaction,
  QueryOptions,
  Results,
} from '@electric-sql/pglite'
import { createDatabase } from '../create-database.js'
import type { Database, DatabaseOptions } from '../database/database.js'
import type { Driver, DriverConnection, RawResult } from '../database/driver.js'
import { rolledBackAtCommit, toDatabaseError } from '../database/driver-error.js'
import { TidemarkError } from '../errors.js'
import type { RelationalQueries } from '../relations/find.js'
import { textQueryOptions } from './pglite-text-options.js'
import { wireQuery } from './pglite-wire.js'

/**
 * A Database over a PGlite instance (embedded PostgreSQL). PGlite has a single connection, so
 * queries from outside a transaction wait until the transaction ends.
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite'
 * const db = fromPGlite(new PGlite())
 * await db.execute(sql`select 1 as one`) // rows: [{ one: 1 }]
 */
export function fromPGlite<S = {}, R = {}>(
  client: PGliteInterface,
  options?: DatabaseOptions<S, R>,
): Database<RelationalQueries<S, R>> {
  const wire = wireQuery(client)
  const textOptions = textQueryOptions(client)
  const connectionOf = (target: PGliteInterface | PGliteTransaction): DriverConnection => {
    if (wire === undefined)
      return { query: async (sql, params) => runText(target, sql, params, await textOptions()) }
    const inTransaction = target !== client
    return {
      query: (sql, params) => {
        // PGlite's own transaction object refuses queries once it has ended; so does this one.
        if (inTransaction && (target as PGliteTransaction).closed) {
          return Promise.reject(
            new TidemarkError('The transaction has ended: run the query outside it or in a new one.'),
          )
        }
        return wire(sql, params, inTransaction)
      },
    }
  }
  const driver: Driver = {
    ...connectionOf(client),
    transaction: (fn) => transaction(client, (tx) => fn(connectionOf(tx))),
    close: () => client.close(),
  }
  return createDatabase(driver, options)
}

async function runText(
  target: PGliteInterface | PGliteTransaction,
  sql: string,
  params: readonly (string | null)[],
  options: QueryOptions,
): Promise<RawResult> {
  let result: Results<(string | null)[]>
  try {
    result = await target.query<(string | null)[]>(sql, params as (string | null)[], options)
  } catch (error) {
    throw toDatabaseError(error, sql)
  }
  return {
    fields: result.fields.map((field) => ({ name: field.name, typeOid: field.dataTypeID })),
    rows: result.rows,
    rowCount: result.rowCount ?? result.affectedRows ?? null,
    command: result.command ?? null,
  }
}

/**
 * client.transaction, with PGlite's own failures (BEGIN, COMMIT, ROLLBACK) turned into
 * DatabaseError. Errors thrown by fn are told apart by identity and pass through untouched.
 */
async function transaction<T>(
  client: PGliteInterface,
  fn: (tx: PGliteTransaction) => Promise<T>,
): Promise<T> {
  const fromCallback = new WeakSet<object>()
  try {
    return await client.transaction(async (tx) => {
      try {
        return await fn(tx)
      } catch (error) {
        if (typeof error === 'object' && error !== null) fromCallback.add(error)
        throw error
      }
    })
  } catch (error) {
    if (typeof error !== 'object' || error === null || fromCallback.has(error)) throw error
    // PGlite throws its TransactionAbortedError when COMMIT turned into ROLLBACK.
    if ((error as { code?: unknown }).code === '25P02') throw rolledBackAtCommit(error)
    throw toDatabaseError(error, 'COMMIT')
  }
}
