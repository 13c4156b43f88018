import { mayQuoteData, REDACTED, redactDetail, redactMessage } from '../error-redaction.js'
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
  // Read before the cause is redacted in place: DatabaseError keeps the server's text for unredacted().
  const message = error instanceof Error ? error.message : (text('message') ?? `Database error ${code}`)
  const detail = text('detail')
  const position = Number(text('position'))
  return new DatabaseError({
    message,
    code,
    detail,
    hint: text('hint'),
    constraint: text('constraint', 'constraint_name'),
    schema: text('schema', 'schema_name'),
    table: text('table', 'table_name'),
    column: text('column', 'column_name'),
    dataType: text('dataType', 'data_type', 'datatype_name'),
    severity: text('severity', 'severity_local'),
    position: Number.isInteger(position) && position > 0 ? position : undefined,
    query,
    cause: redactedCause(error, code),
  })
}

/**
 * Drivers attach the statement's parameter values to their errors (PGlite: params and
 * queryOptions; postgres.js: parameters and args). The driver error stays reachable as `cause`, so
 * the values are removed: an error that is logged must not leak passwords or personal data.
 */
const PARAMETER_PROPERTIES = ['params', 'parameters', 'args', 'queryOptions'] as const
const REMOVED = '[redacted by Tidemark]'

/**
 * The driver error with its parameter values removed and the data PostgreSQL quoted in its
 * message, detail and context (`where`) redacted, as DatabaseError shows them: in place when
 * possible, else as a copy.
 */
function redactedCause(error: object, code: string): object {
  const record = error as Record<string, unknown>
  const replacements = new Map<string, unknown>(
    PARAMETER_PROPERTIES.filter((key) => key in record).map((key) => [key, REMOVED]),
  )
  const message = typeof record.message === 'string' ? record.message : undefined
  if (message !== undefined) replacements.set('message', redactMessage(code, message))
  if (typeof record.detail === 'string') replacements.set('detail', redactDetail(code, record.detail))
  // The context quotes data too (a JSON document's line, a parameter's value).
  if (typeof record.where === 'string' && mayQuoteData(code)) replacements.set('where', REDACTED)
  if (typeof record.stack === 'string' && message !== undefined)
    replacements.set('stack', record.stack.replace(message, String(replacements.get('message'))))
  let inPlace = true
  for (const [key, value] of replacements) {
    if (record[key] === value) continue
    const own = Object.getOwnPropertyDescriptor(record, key)
    // Removed parameters are hidden; redacted text stays as visible as it was.
    const enumerable = (PARAMETER_PROPERTIES as readonly string[]).includes(key)
      ? false
      : (own?.enumerable ?? false)
    try {
      Object.defineProperty(record, key, { value, enumerable, writable: true, configurable: true })
    } catch {
      inPlace = false
    }
  }
  if (inPlace) return error
  // postgres.js defines some of them non-configurable: keep a copy of the error without them instead.
  const copy = new Error(String(replacements.get('message') ?? ''))
  copy.name = error instanceof Error ? error.name : 'Error'
  for (const [key, value] of Object.entries(record)) {
    if (!(PARAMETER_PROPERTIES as readonly string[]).includes(key))
      (copy as unknown as Record<string, unknown>)[key] = replacements.has(key)
        ? replacements.get(key)
        : value
  }
  copy.stack = replacements.has('stack') ? String(replacements.get('stack')) : undefined
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
