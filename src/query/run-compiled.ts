import type { BoundExecutor } from './executor.js'
import type { RowMapper } from './row-mapper.js'

// Shared by Runnable and the PreparedQuery it creates, in a module of its own so that prepared.ts
// need not import runnable.ts back.

/** A statement as text and parameters, for inspection. */
export interface QuerySQL {
  readonly sql: string
  readonly params: readonly (string | null)[]
}

/** Runs a compiled statement: its rows through `mapRows`, or its row count when it returns none. */
export function runCompiled<Result>(
  executor: BoundExecutor,
  sql: string,
  params: readonly (string | null)[],
  mapRows: RowMapper | undefined,
): Promise<Result> {
  // A `then` rather than an async function: one promise fewer on every query.
  if (mapRows === undefined) {
    return executor.execute({ sql, params }).then((result) => builderResult<Result>(result, false))
  }
  return executor.execute({ sql, params, mapRows }).then((result) => builderResult<Result>(result, true))
}

/** What a builder resolves to: its rows when it returns rows, else the affected row count. */
export function builderResult<Result>(
  result: { readonly rows: unknown[]; readonly rowCount: number | null },
  returnsRows: boolean,
): Result {
  return (returnsRows ? result.rows : { rowCount: result.rowCount }) as Result
}
