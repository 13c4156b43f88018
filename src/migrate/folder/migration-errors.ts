import { DatabaseError, TidemarkError } from '../../errors.js'

/** The migration folder does not fit the layout: `path` is what is wrong, the message says the fix. */
export class MigrationFolderError extends TidemarkError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`)
    this.name = 'MigrationFolderError'
  }
}

/**
 * The migration folder does not match its integrity file (`tidemark.sum`): a migration was edited,
 * added or removed without re-hashing, or two branches' migrations were merged. A finding, like an
 * edited applied migration: every command that reads the history refuses it the same way.
 */
export class MigrationSumError extends TidemarkError {
  constructor(
    /** The integrity file's path. */
    readonly file: string,
    /** Each problem's message, with its fix. */
    readonly problems: readonly string[],
  ) {
    super(`${file} does not match the migrations:\n  ${problems.join('\n  ')}`)
    this.name = 'MigrationSumError'
  }
}

/** A migration file that PostgreSQL's parser rejects; `line` and `column` are 1-based, in the file. */
export class MigrationSqlError extends TidemarkError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`)
    this.name = 'MigrationSqlError'
  }
}

/**
 * The journal and the migration folder disagree (an applied file was edited, a journal row has no
 * file, a pending migration sorts before an applied one...). Raised before anything is applied.
 */
export class MigrationHistoryError extends TidemarkError {
  constructor(
    message: string,
    /** The migrations concerned, by name. */
    readonly migrations: readonly string[],
  ) {
    super(message)
    this.name = 'MigrationHistoryError'
  }
}

export interface MigrationErrorFields {
  /** The file that failed, as given to applyMigrationSql (e.g. `migrations/<name>/up.sql`). */
  readonly file: string
  /** 0-based position of the failed statement in the file (the message counts from 1). */
  readonly statementIndex: number
  /**
   * 1-based line of the error in the file: where PostgreSQL's error cursor points when it reports
   * one, else where the failed statement starts.
   */
  readonly line: number
  /** 1-based column (in characters) of PostgreSQL's error cursor; undefined when it reports none. */
  readonly column: number | undefined
  /** The failed statement's text. */
  readonly statement: string
  /**
   * Outside a transaction, the statements before the failed one stay done: PostgreSQL cannot undo
   * them. Empty when the file ran in a transaction (everything was rolled back).
   */
  readonly notRolledBack: readonly string[]
  readonly cause: unknown
}

const STATEMENT_PREVIEW = 400

/**
 * A statement of a migration file failed. The message is one readable block:
 *
 *   migrations/20261125101500_x/up.sql:13:8: statement 3 failed: column "nam" does not exist (42703)
 *     select id,
 *            nam from users
 */
export class MigrationError extends TidemarkError {
  readonly file: string
  readonly statementIndex: number
  readonly line: number
  readonly column: number | undefined
  readonly statement: string
  readonly notRolledBack: readonly string[]
  /** The SQLSTATE code when the database reported the failure. */
  readonly code: string | undefined

  constructor(fields: MigrationErrorFields) {
    super(migrationErrorMessage(fields), { cause: fields.cause })
    this.name = 'MigrationError'
    this.file = fields.file
    this.statementIndex = fields.statementIndex
    this.line = fields.line
    this.column = fields.column
    this.statement = fields.statement
    this.notRolledBack = fields.notRolledBack
    this.code = fields.cause instanceof DatabaseError ? fields.cause.code : undefined
  }
}

function migrationErrorMessage(fields: MigrationErrorFields): string {
  const { cause } = fields
  const reason =
    cause instanceof DatabaseError
      ? `${cause.message} (${cause.code})`
      : cause instanceof Error
        ? cause.message
        : String(cause)
  const lines = [
    `${fields.file}:${fields.line}${fields.column === undefined ? '' : `:${fields.column}`}: statement ${fields.statementIndex + 1} failed: ${reason}`,
    indent(preview(fields.statement)),
  ]
  if (cause instanceof DatabaseError && cause.detail) lines.push(`detail: ${cause.detail}`)
  if (cause instanceof DatabaseError && cause.hint) lines.push(`hint: ${cause.hint}`)
  if (fields.notRolledBack.length > 0) {
    lines.push(
      `This file runs outside a transaction, so PostgreSQL could not roll back the ${fields.notRolledBack.length} ` +
        'statement(s) that had already succeeded; they stay applied:',
      ...fields.notRolledBack.map((statement, i) => indent(`${i + 1}. ${preview(statement)}`)),
      'Undo them by hand or make the file safe to run again before retrying.',
    )
  }
  return lines.join('\n')
}

function preview(statement: string): string {
  return statement.length <= STATEMENT_PREVIEW ? statement : `${statement.slice(0, STATEMENT_PREVIEW)} …`
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
}
