import { TidemarkError } from '../errors.js'
import type { Dialect } from '../query/dialect.js'
import { builderResult } from '../query/run-compiled.js'
import { Runnable } from '../query/runnable.js'
import type { CompiledQuery } from '../sql/compiled-query.js'
import { SQL } from '../sql/sql.js'
import type { Executable, QueryEvent, QueryResult } from './database.js'
import type { RawResult } from './driver.js'
import { toQueryResult } from './run-query.js'
import { assertSendable } from './sendable-text.js'

/** One statement of a batch: a query builder or relational query (not awaited), or what `execute` takes. */
export type BatchQuery = Executable | Runnable<unknown>

/**
 * The results of a batch, in the order of its queries: what each builder resolves to when awaited,
 * and a QueryResult for each `sql` fragment or compiled query.
 */
export type BatchResults<T extends readonly BatchQuery[]> = {
  -readonly [K in keyof T]: T[K] extends Runnable<infer R> ? R : QueryResult<Record<string, unknown>>
}

/** Sends the statements in one transaction and returns their raw results in order. */
export type SendBatch = (statements: readonly CompiledQuery[]) => Promise<readonly RawResult[]>

/**
 * Compiles every query first (so a bad one sends nothing), sends them all through `send`, then
 * decodes each result as the query would have on its own.
 */
export async function runBatch(
  dialect: Dialect,
  queries: readonly BatchQuery[],
  send: SendBatch,
  logger: ((event: QueryEvent) => void) | undefined,
): Promise<unknown[]> {
  if (!Array.isArray(queries))
    throw new TidemarkError('batch() takes an array of queries: db.batch([query1, query2])')
  const statements = queries.map((query, index) => toStatement(dialect, query, index))
  if (statements.length === 0) return []
  for (const statement of statements) assertSendable(statement.compiled.sql, statement.compiled.params)
  const compiled = statements.map((statement) => statement.compiled)
  const started = performance.now()
  let results: readonly RawResult[]
  try {
    results = await send(compiled)
  } catch (error) {
    logEach(logger, compiled, performance.now() - started, () => null, error)
    throw error
  }
  if (results.length !== compiled.length)
    throw new TidemarkError(`The driver returned ${results.length} results for a batch of ${compiled.length}`)
  logEach(logger, compiled, performance.now() - started, (i) => results[i]!.rowCount)
  return statements.map(({ compiled, builder }, i) => {
    const result = toQueryResult(dialect, compiled, results[i]!)
    return builder ? builderResult(result, compiled.mapRows !== undefined) : result
  })
}

interface BatchStatement {
  readonly compiled: Exclude<Executable, SQL>
  /** A builder resolves to rows or a row count, not to a QueryResult. */
  readonly builder: boolean
}

function toStatement(dialect: Dialect, query: BatchQuery, index: number): BatchStatement {
  if (query instanceof Runnable) return { compiled: query.toBuiltQuery(), builder: true }
  if (query instanceof SQL) return { compiled: dialect.compileFragment(query), builder: false }
  if (
    typeof query === 'object' &&
    query !== null &&
    typeof query.sql === 'string' &&
    Array.isArray(query.params)
  )
    return { compiled: query, builder: false }
  throw new TidemarkError(
    `batch() item ${index} is not a query: pass query builders without awaiting them (db.select()...), or sql\`...\` fragments`,
  )
}

// Each statement is logged with the batch's round trip, since one request carried them all, and with
// the batch's error when it failed: the driver does not say which statement caused it.
function logEach(
  logger: ((event: QueryEvent) => void) | undefined,
  statements: readonly CompiledQuery[],
  durationMs: number,
  rowCount: (index: number) => number | null,
  error?: unknown,
): void {
  if (logger === undefined) return
  statements.forEach(({ sql, params }, i) => {
    logger({ sql, params, durationMs, rowCount: rowCount(i), ...(error === undefined ? {} : { error }) })
  })
}
