import type { Dialect } from './dialect.js'
import type { RowMapper } from './row-mapper.js'

/** A compiled statement handed to the database, with the mapper that builds its result objects. */
export interface BuiltQuery {
  readonly sql: string
  readonly params: readonly (string | null)[]
  readonly mapRows?: RowMapper
}

/**
 * What builders compile with and run on: a Database or a Transaction. The standalone builders
 * (`select()` imported from the package) have a dialect and no `execute`: they compile only.
 */
export interface QueryExecutor {
  readonly dialect: Dialect
  readonly execute?: (
    query: BuiltQuery,
  ) => Promise<{ readonly rows: unknown[]; readonly rowCount: number | null }>
}

/** A QueryExecutor that runs statements. */
export type BoundExecutor = QueryExecutor & { readonly execute: NonNullable<QueryExecutor['execute']> }

/** What a statement without `returning` resolves to. */
export interface WriteResult {
  /** Rows inserted, updated or deleted, when the driver reports it. */
  readonly rowCount: number | null
}
