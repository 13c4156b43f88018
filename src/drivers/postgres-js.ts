import type postgres from 'postgres'
import { createDatabase } from '../create-database.js'
import type { Database, DatabaseOptions } from '../database/database.js'
import type { Driver, DriverConnection, RawResult } from '../database/driver.js'
import { toDatabaseError } from '../database/driver-error.js'
import type { RelationalQueries } from '../relations/find.js'
import { acceptTextParams, TextParam } from './postgres-js-text-params.js'
import { runTransaction } from './run-transaction.js'

/**
 * A Database over a postgres.js client. Column-name transforms configured on the client are not
 * supported: Tidemark relies on the server's field names. The client's serializer table is wrapped
 * so Tidemark's text parameters pass through untouched; its other queries are unaffected.
 *
 * Transactions reserve a connection (`sql.reserve()`) and run BEGIN/COMMIT themselves rather than
 * use `sql.begin`: inside `sql.begin`, any failed query fails the whole transaction at the end even
 * when the application caught the error, which would defeat savepoint-based nested transactions.
 *
 * @example
 * const db = fromPostgresJs(postgres(connectionString))
 */
export function fromPostgresJs<S = {}, R = {}>(
  sql: postgres.Sql,
  options?: DatabaseOptions<S, R>,
): Database<RelationalQueries<S, R>> {
  acceptTextParams(sql)
  const driver: Driver = {
    ...connectionOf(sql),
    transaction: async (fn) => {
      const reserved = await sql.reserve()
      try {
        return await runTransaction(connectionOf(reserved), fn)
      } finally {
        reserved.release()
      }
    },
    close: () => sql.end(),
  }
  return createDatabase(driver, options)
}

function connectionOf(sql: postgres.Sql): DriverConnection {
  return { query: (text, params) => runText(sql, text, params) }
}

// ignoreBOM keeps a leading U+FEFF: it is part of the value, not a byte order mark.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

// raw() skips postgres.js's own parsing and hands back the bytes of the server's text values.
async function runText(
  sql: postgres.Sql,
  text: string,
  params: readonly (string | null)[],
): Promise<RawResult> {
  const bound = params.map((param) => (param === null ? null : new TextParam(param)))
  let result: Awaited<postgres.PendingRawQuery<postgres.Row[]>>
  try {
    result = await sql.unsafe(text, bound as never[]).raw()
  } catch (error) {
    throw toDatabaseError(error, text)
  }
  return {
    fields: (result.columns ?? []).map((column) => ({ name: column.name, typeOid: column.type })),
    rows: result.map((row) => row.map((value) => (value === null ? null : utf8.decode(value)))),
    rowCount: typeof result.count === 'number' ? result.count : null,
    command: result.command || null,
  }
}
