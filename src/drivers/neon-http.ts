import type { FullQueryResults, HTTPTransactionOptions, NeonQueryFunction } from '@neondatabase/serverless'
import { createDatabase } from '../create-database.js'
import { type BatchQuery, type BatchResults, runBatch } from '../database/batch.js'
import type { Database, DatabaseOptions, Transaction, TransactionOptions } from '../database/database.js'
import type { Driver, RawResult } from '../database/driver.js'
import { toDatabaseError } from '../database/driver-error.js'
import { TidemarkError } from '../errors.js'
import type { RelationalQueries } from '../relations/find.js'

/** A Database over Neon's HTTP query function: single statements, and batches run as one transaction. */
export interface NeonHttpDatabase<Q = {}> extends Database<Q> {
  /**
   * Runs the queries in one transaction, in one HTTP request: all committed, or all rolled back
   * when one fails. Pass builders without awaiting them; each result is what that query resolves
   * to on its own (rows, a row count, or a QueryResult for a `sql` fragment).
   *
   * @example
   * const [, [account]] = await db.batch([
   *   db.update(accounts).set({ balance: sql`balance - ${10}` }).where(eq(accounts.id, 1)),
   *   db.select().from(accounts).where(eq(accounts.id, 1)),
   * ])
   */
  batch<const T extends readonly BatchQuery[]>(
    queries: T,
    options?: TransactionOptions,
  ): Promise<BatchResults<T>>
  /**
   * Not available over HTTP: each request is its own session, so no transaction stays open between
   * statements. Rejects with a TidemarkError; use `batch([...])`, or a Pool with `fromNeonPool`.
   */
  transaction<T>(fn: (tx: Transaction<Q>) => Promise<T>, options?: TransactionOptions): Promise<T>
}

/**
 * Any `neon(...)` function, whatever its default result options (`arrayMode`, `fullResults`):
 * Tidemark sets its own on each query, so those generics do not matter here.
 */
export type NeonHttpQueryFunction = NeonQueryFunction<any, any>

/**
 * A Database over Neon's HTTP query function, `neon(url)` from `@neondatabase/serverless`: each
 * statement is one HTTPS request, with no connection to open or close. `batch([...])` sends several
 * statements in one request, run as one transaction; interactive `transaction(fn)` needs a session,
 * which only the Pool and Client have (`fromNeonPool`). close() does nothing: there is nothing open.
 *
 * @example
 * const db = fromNeonHttp(neon(process.env.DATABASE_URL!), { schema })
 * const rows = await db.select().from(users).where(eq(users.id, 1))
 */
export function fromNeonHttp<S = {}, R = {}>(
  query: NeonHttpQueryFunction,
  options?: DatabaseOptions<S, R>,
): NeonHttpDatabase<RelationalQueries<S, R>> {
  if (typeof query !== 'function' || typeof query.transaction !== 'function')
    throw new TidemarkError(
      "fromNeonHttp() takes Neon's HTTP query function, neon(url) from '@neondatabase/serverless'. " +
        'For a Pool or Client, use fromNeonPool() instead.',
    )
  const driver: Driver = {
    query: (sql, params) => runOverHttp(query, sql, params),
    transaction: () => Promise.reject(interactiveTransactionRefused()),
    close: async () => {},
  }
  const database = createDatabase(driver, options)
  const batch = (queries: readonly BatchQuery[], transactionOptions?: TransactionOptions) => {
    let neonOptions: BatchOptions
    try {
      neonOptions = batchOptions(transactionOptions)
    } catch (error) {
      return Promise.reject(error)
    }
    return runBatch(
      database.dialect,
      queries,
      (statements) => sendBatch(query, statements, neonOptions),
      options?.logger,
    )
  }
  // Added to the database createDatabase made (not a copy), so wrappers still find its relation graph.
  return Object.assign(database, { batch }) as NeonHttpDatabase<RelationalQueries<S, R>>
}

function interactiveTransactionRefused(): TidemarkError {
  return new TidemarkError(
    "db.transaction(fn) is not available over Neon's HTTP query function: each request is its own session, so a " +
      'transaction cannot stay open between statements. Send the statements together with db.batch([...]) ' +
      '(one transaction), or use fromNeonPool(new Pool({ connectionString })) for interactive transactions.',
  )
}

// Every value comes back as the server's text (the endpoint sends text; these parsers keep it), so
// Tidemark decodes it the same way as on every other driver.
const keepText = (value: string) => value
const textTypes = { getTypeParser: () => keepText }
const queryOptions = { arrayMode: true, fullResults: true, types: textTypes } as const

async function runOverHttp(
  query: NeonHttpQueryFunction,
  sql: string,
  params: readonly (string | null)[],
): Promise<RawResult> {
  try {
    return toRawResult(await query.query(sql, params as (string | null)[], queryOptions))
  } catch (error) {
    throw toDatabaseError(error, sql)
  }
}

type BatchOptions = HTTPTransactionOptions<true, true>

async function sendBatch(
  query: NeonHttpQueryFunction,
  statements: readonly { readonly sql: string; readonly params: readonly (string | null)[] }[],
  options: BatchOptions,
): Promise<RawResult[]> {
  // The query objects are lazy: nothing is sent until transaction() sends them all in one request.
  const queries = statements.map(({ sql, params }) =>
    query.query(sql, params as (string | null)[], queryOptions),
  )
  try {
    const results: FullQueryResults<true>[] = await query.transaction(queries, options)
    return results.map(toRawResult)
  } catch (error) {
    // The endpoint does not say which statement failed; the error's position is within that one.
    throw toDatabaseError(error, statements.map((statement) => statement.sql).join(';\n'))
  }
}

function toRawResult(result: FullQueryResults<true>): RawResult {
  return {
    fields: result.fields.map((field) => ({ name: field.name, typeOid: field.dataTypeID })),
    rows: result.rows as (string | null)[][],
    rowCount: result.rowCount ?? null,
    command: result.command || null,
  }
}

const isolationLevels = {
  'read committed': 'ReadCommitted',
  'repeatable read': 'RepeatableRead',
  serializable: 'Serializable',
} as const

/** Tidemark's transaction options in the names Neon's batch takes; unknown values are refused. */
function batchOptions(options: TransactionOptions | undefined): BatchOptions {
  const result: BatchOptions = { arrayMode: true, fullResults: true }
  const { isolationLevel, accessMode } = options ?? {}
  if (isolationLevel !== undefined) {
    if (!Object.hasOwn(isolationLevels, isolationLevel))
      throw unknownOption('isolationLevel', isolationLevel, Object.keys(isolationLevels))
    result.isolationLevel = isolationLevels[isolationLevel]
  }
  if (accessMode !== undefined) {
    if (accessMode !== 'read write' && accessMode !== 'read only')
      throw unknownOption('accessMode', accessMode, ['read write', 'read only'])
    result.readOnly = accessMode === 'read only'
  }
  return result
}

function unknownOption(option: string, value: string, expected: readonly string[]): TidemarkError {
  return new TidemarkError(
    `Unknown transaction ${option} ${JSON.stringify(value)}; expected one of ${expected.join(', ')}`,
  )
}
