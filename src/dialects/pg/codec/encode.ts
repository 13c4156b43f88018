import { stringifyJson } from '../../../util/json-text.js'
import { formatArrayLiteral } from './array-literal.js'
import { formatBytea } from './bytea.js'
import { formatTimestamp } from './datetime.js'

/**
 * Writes a JS value as the PostgreSQL text of a bound parameter when nothing is known about the
 * column it meets. The server infers the parameter's type from the statement, so the text must be
 * readable by every type the value could plausibly be bound to.
 *
 * @example
 * encodeParam(new Date(0))        // '1970-01-01 00:00:00.000+00'
 * encodeParam([1, null])          // '{"1",NULL}'
 * encodeParam(new Uint8Array([1])) // '\x01'
 */
export function encodeParam(value: unknown): string | null {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
      return encodeNumber(value)
    case 'bigint':
      return String(value)
    case 'boolean':
      return value ? 'true' : 'false'
    default:
      break
  }
  if (value instanceof Date) return formatTimestamp(value, true)
  if (value instanceof Uint8Array) return formatBytea(value)
  if (Array.isArray(value)) return formatArrayLiteral(value, encodeParam)
  return stringifyJson(value)
}

// String(Infinity) happens to match PostgreSQL's spelling, but NaN and the infinities are spelled
// out so the intent is visible and independent of JS formatting.
function encodeNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Number.POSITIVE_INFINITY) return 'Infinity'
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity'
  // String(-0) is '0'; floats keep the sign of zero.
  return Object.is(value, -0) ? '-0' : String(value)
}
