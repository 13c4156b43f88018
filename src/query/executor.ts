import type { RowMapper } from './row-mapper.js'

/** A compiled statement handed to the database, with the mapper that builds its result objects. */
export interface BuiltQuery {
  readonly sql: string
  readonly params: readonly (string | null)[]
  readonly mapRows?: RowMapper
}

/** What builders run on: a Database or a Transaction (anything with this `execute`). */
export interface QueryExecutor {
  execute(query: BuiltQuery): Promise<{ readonly rows: unknown[]; readonly rowCount: number | null }>
}

/** What a statement without `returning` resolves to. */
export interface WriteResult {
  /** Rows inserted, updated or deleted, when the driver reports it. */
  readonly rowCount: number | null
}
