import { DatabaseError } from '../errors.js'

/**
 * Turns a driver's error into a DatabaseError when it carries a SQLSTATE. node-postgres and PGlite
 * name the fields `table`, `constraint`...; postgres.js uses `table_name`, `constraint_name`...
 * Anything else (network errors, bugs) is returned unchanged.
 */
export function toDatabaseError(error: unknown, query: string): unknown {
  if (error instanceof DatabaseError || typeof error !== 'object' || error === null) return error
  const fields = error as Record<string, unknown>
  const code = fields.code
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return error
  const text = (...names: string[]): string | undefined => {
    for (const name of names) {
      const value = fields[name]
      if (typeof value === 'string' && value !== '') return value
    }
    return undefined
  }
  const cause = withoutParameters(error)
  const position = Number(text('position'))
  return new DatabaseError({
    message: error instanceof Error ? error.message : (text('message') ?? `Database error ${code}`),
    code,
    detail: text('detail'),
    hint: text('hint'),
    constraint: text('constraint', 'constraint_name'),
    schema: text('schema', 'schema_name'),
    table: text('table', 'table_name'),
    column: text('column', 'column_name'),
    dataType: text('dataType', 'data_type', 'datatype_name'),
    severity: text('severity', 'severity_local'),
    position: Number.isInteger(position) && position > 0 ? position : undefined,
    query,
    cause,
  })
}

/**
 * Drivers attach the statement's parameter values to their errors (PGlite: params and
 * queryOptions; postgres.js: parameters and args). The driver error stays reachable as `cause`, so
 * the values are removed: an error that is logged must not leak passwords or personal data.
 */
const PARAMETER_PROPERTIES = ['params', 'parameters', 'args', 'queryOptions'] as const
const REDACTED = '[redacted by Tidemark]'

/** The driver error with its parameter values removed: in place when possible, else as a copy. */
function withoutParameters(error: object): object {
  const record = error as Record<string, unknown>
  let redacted = true
  for (const key of PARAMETER_PROPERTIES) {
    if (!(key in record)) continue
    try {
      Object.defineProperty(record, key, { value: REDACTED, enumerable: false, configurable: true })
    } catch {
      redacted = false
    }
  }
  if (redacted) return error
  // postgres.js defines them non-configurable: keep a copy of the error without them instead.
  const copy = new Error(error instanceof Error ? error.message : String(record.message))
  copy.name = error instanceof Error ? error.name : 'Error'
  copy.stack = error instanceof Error ? error.stack : undefined
  for (const [key, value] of Object.entries(record)) {
    if (!(PARAMETER_PROPERTIES as readonly string[]).includes(key))
      (copy as unknown as Record<string, unknown>)[key] = value
  }
  return copy
}

/**
 * The error for a COMMIT that the server turned into a ROLLBACK because a statement inside the
 * transaction had failed and the application caught that failure. node-postgres and postgres.js
 * report such a COMMIT as a success (command tag ROLLBACK); PGlite throws. Tidemark throws, the
 * same way for every driver, because the caller's work was lost.
 */
export function rolledBackAtCommit(cause?: unknown): DatabaseError {
  return new DatabaseError({
    message:
      'The transaction was rolled back instead of committed: a statement inside it failed and the error was caught. ' +
      'To recover from a failed statement and keep the other work, run it in a nested transaction (a savepoint).',
    code: '25P02',
    severity: 'ERROR',
    query: 'COMMIT',
    cause,
  })
}
