import type { Dialect } from '../query/dialect.js'
import { SQL } from '../sql/sql.js'
import type { Executable, QueryEvent, QueryResult } from './database.js'
import { decodeRows } from './decode-rows.js'
import type { DriverConnection, RawResult } from './driver.js'
import { assertSendable } from './sendable-text.js'

/** Compiles, runs, logs and decodes one statement on one connection. */
export async function runQuery<Row>(
  dialect: Dialect,
  connection: DriverConnection,
  query: Executable,
  logger: ((event: QueryEvent) => void) | undefined,
): Promise<QueryResult<Row>> {
  const compiled: Exclude<Executable, SQL> = query instanceof SQL ? dialect.compileFragment(query) : query
  assertSendable(compiled.sql, compiled.params)
  let result: RawResult
  if (logger === undefined) {
    result = await connection.query(compiled.sql, compiled.params)
  } else {
    const event = { sql: compiled.sql, params: compiled.params }
    const started = performance.now()
    // Only the round trip is guarded: a throwing logger or decoder must not be reported as a failed query.
    try {
      result = await connection.query(compiled.sql, compiled.params)
    } catch (error) {
      logger({ ...event, durationMs: performance.now() - started, rowCount: null, error })
      throw error
    }
    logger({ ...event, durationMs: performance.now() - started, rowCount: result.rowCount })
  }
  return toQueryResult<Row>(dialect, compiled, result)
}

/** Decodes a statement's raw result with the statement's own row mapper or decoders. */
export function toQueryResult<Row>(
  dialect: Dialect,
  compiled: Exclude<Executable, SQL>,
  result: RawResult,
): QueryResult<Row> {
  return {
    rows: compiled.mapRows
      ? (compiled.mapRows(result, dialect.decoderForType) as Row[])
      : decodeRows<Row>(result, compiled.decoders, dialect.decoderForType),
    rowCount: result.rowCount,
    fields: result.fields,
  }
}
