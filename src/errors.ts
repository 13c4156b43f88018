/** Errors Tidemark throws. Every driver's database error becomes a {@link DatabaseError}. */

import { redactDetail, redactMessage } from './error-redaction.js'

/** Base class of every error Tidemark throws on purpose. */
export class TidemarkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'TidemarkError'
  }
}

/** Common SQLSTATE codes by name; anything else is `'other'` (look at `code`). */
const kindsByCode = {
  '23505': 'unique_violation',
  '23503': 'foreign_key_violation',
  '23502': 'not_null_violation',
  '23514': 'check_violation',
  '23P01': 'exclusion_violation',
  '40001': 'serialization_failure',
  '40P01': 'deadlock_detected',
  '55P03': 'lock_not_available',
  '57014': 'query_canceled',
  '42P01': 'undefined_table',
  '42703': 'undefined_column',
  '42601': 'syntax_error',
  '42501': 'insufficient_privilege',
  '22P02': 'invalid_text_representation',
} as const

/** A classification of the SQLSTATE codes applications most often handle. */
export type DatabaseErrorKind = (typeof kindsByCode)[keyof typeof kindsByCode] | 'other'

/** Classifies a SQLSTATE code. */
export function databaseErrorKind(code: string): DatabaseErrorKind {
  return (kindsByCode as Record<string, DatabaseErrorKind>)[code] ?? 'other'
}

/** What the server reported, in the same shape whatever the driver. */
export interface DatabaseErrorFields {
  readonly message: string
  readonly code: string
  /** As the server sent it; the error shows it with quoted data redacted. */
  readonly detail?: string | undefined
  readonly hint?: string | undefined
  readonly constraint?: string | undefined
  readonly schema?: string | undefined
  readonly table?: string | undefined
  readonly column?: string | undefined
  readonly dataType?: string | undefined
  readonly severity?: string | undefined
  /** 1-based character offset of the error in `query`, when the server reports one. */
  readonly position?: number | undefined
  /** The SQL text that failed. Parameters are never included: they may hold secrets. */
  readonly query: string
  /** The driver's original error. */
  readonly cause?: unknown
}

/** The server's own text, data included: what {@link DatabaseError.unredacted} returns. */
export interface UnredactedText {
  readonly message: string
  readonly detail: string | undefined
}

/**
 * An error reported by PostgreSQL. For data exceptions and integrity violations (SQLSTATE classes
 * 22 and 23), `message` and `detail` have the values PostgreSQL quoted replaced by `[redacted]`
 * (`Key (email)=([redacted]) already exists.`), and so do the stack, `JSON.stringify`, `util.inspect`
 * and the driver's error in `cause`: logging the error does not leak the application's data.
 * `unredacted()` returns the server's text as sent.
 *
 * @example
 * try { await db.execute(sql`insert into users (email) values (${email})`) }
 * catch (error) {
 *   if (error instanceof DatabaseError && error.kind === 'unique_violation') ...
 * }
 */
export class DatabaseError extends TidemarkError {
  /** The SQLSTATE code, e.g. `23505`. */
  readonly code: string
  readonly kind: DatabaseErrorKind
  readonly detail: string | undefined
  readonly hint: string | undefined
  readonly constraint: string | undefined
  readonly schema: string | undefined
  readonly table: string | undefined
  readonly column: string | undefined
  readonly dataType: string | undefined
  readonly severity: string | undefined
  readonly position: number | undefined
  readonly query: string
  readonly #unredacted: UnredactedText

  constructor(fields: DatabaseErrorFields) {
    super(redactMessage(fields.code, fields.message), { cause: fields.cause })
    this.name = 'DatabaseError'
    this.code = fields.code
    this.kind = databaseErrorKind(fields.code)
    this.#unredacted = { message: fields.message, detail: fields.detail }
    this.detail = redactDetail(fields.code, fields.detail)
    this.hint = fields.hint
    this.constraint = fields.constraint
    this.schema = fields.schema
    this.table = fields.table
    this.column = fields.column
    this.dataType = fields.dataType
    this.severity = fields.severity
    this.position = fields.position
    this.query = fields.query
  }

  /**
   * The message and detail exactly as PostgreSQL sent them, with the data it quoted. Read them
   * deliberately, and keep them out of logs.
   *
   * @example
   * error.detail // 'Key (email)=([redacted]) already exists.'
   * error.unredacted().detail // 'Key (email)=(ann@example.com) already exists.'
   */
  unredacted(): UnredactedText {
    return this.#unredacted
  }
}
