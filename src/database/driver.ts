/**
 * The seam between Tidemark and a PostgreSQL client. An adapter only moves text: it sends
 * parameters as PostgreSQL text and returns every value as the server's text, so all drivers
 * produce the same JS values once Tidemark decodes them. Adapters throw database errors as
 * DatabaseError (see toDatabaseError).
 */

/** A result column: its name and the OID of its type. */
export interface RawField {
  readonly name: string
  readonly typeOid: number
}

/** A result exactly as the server sent it, values in text format (null for SQL NULL). */
export interface RawResult {
  readonly fields: readonly RawField[]
  readonly rows: readonly (readonly (string | null)[])[]
  /** Rows affected or returned, when the driver reports it. */
  readonly rowCount: number | null
  /** The command tag's verb (`SELECT`, `INSERT`...), when the driver reports it. */
  readonly command: string | null
}

/** Something that runs one statement at a time. */
export interface DriverConnection {
  query(sql: string, params: readonly (string | null)[]): Promise<RawResult>
}

/** A driver adapter over a client the user constructed. */
export interface Driver extends DriverConnection {
  /** Runs fn on one dedicated connection between BEGIN and COMMIT; ROLLBACK when fn throws. */
  transaction<T>(fn: (connection: DriverConnection) => Promise<T>): Promise<T>
  close(): Promise<void>
}
