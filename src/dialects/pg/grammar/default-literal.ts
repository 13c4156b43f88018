import type { ColumnType } from '../../../schema/column-type.js'
import { stringifyJson } from '../../../util/json-text.js'
import { formatBytea } from '../codec/bytea.js'
import { formatDate, formatTimestamp } from '../codec/datetime.js'
import { pgValueCodec } from '../codec/value-codec.js'
import { jsonbText } from './jsonb-text.js'

/**
 * A JS default value as the SQL literal Tidemark writes, which is also exactly what pg_get_expr()
 * prints back for it. PostgreSQL keeps a default's literal with its own type and hides implicit
 * casts, so `5` stays `5` on a bigint column while `-5` prints as `'-5'::integer`.
 *
 * Types whose output form differs from arbitrary input (interval, time, inet...) are kept as given;
 * comparing them with a database's canonical text is the job of the shadow-database comparison.
 */
export function defaultLiteral(value: unknown, type: ColumnType): string {
  if (type.dimensions > 0) return arrayDefault(value, type)
  // A constant meets a domain as its base type: `'a@b'::text` on an email column.
  if (type.domain !== undefined) return defaultLiteral(value, type.domain.base)
  switch (type.family) {
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'numeric':
    case 'real':
    case 'double precision':
      return numberLiteral(value, type)
    case 'boolean':
      if (typeof value !== 'boolean') throw new TypeError(`expected a boolean default, got ${typeof value}`)
      return value ? 'true' : 'false'
    case 'json':
      return `${quote(stringifyJson(value))}::json`
    case 'jsonb':
      return `${quote(jsonbText(value))}::jsonb`
    case 'bytea':
      if (!(value instanceof Uint8Array)) throw new TypeError('expected a Uint8Array default for bytea')
      return `${quote(formatBytea(value))}::bytea`
    case 'timestamp':
    case 'timestamptz':
    case 'date':
      return `${quote(dateTimeText(value, type))}::${typeLabel(type)}`
    case 'composite': {
      const text = type.encode(value, pgValueCodec)
      if (text === null) throw new TypeError(`expected an object default for ${type.sql}`)
      return `${quote(text)}::${type.sql}`
    }
    default:
      if (typeof value !== 'string')
        throw new TypeError(`expected a string default for ${type.sql}, got ${typeof value}`)
      if (type.enum !== undefined && !type.enum.values.includes(value)) {
        const labels = type.enum.values.map((label) => `'${label}'`).join(', ')
        throw new TypeError(`'${value}' is not a label of enum ${type.enum.name}; use one of ${labels}`)
      }
      return `${quote(value)}::${typeLabel(type)}`
  }
}

/** simple_quote_literal() with standard_conforming_strings on: only quotes are doubled. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/** The type name without its modifier, as a constant's cast label prints (`character varying`, `bpchar`). */
function typeLabel(type: ColumnType): string {
  if (type.family === 'character') return 'bpchar'
  if (type.family === 'timestamp') return 'timestamp without time zone'
  if (type.family === 'timestamptz') return 'timestamp with time zone'
  if (type.family === 'time') return 'time without time zone'
  if (type.family === 'timetz') return 'time with time zone'
  if (type.family === 'interval') return 'interval'
  return type.sql.replace(/\(.*\)/, '')
}

const INT4_MIN = -(2n ** 31n)
const INT4_MAX = 2n ** 31n - 1n
const INT8_MIN = -(2n ** 63n)
const INT8_MAX = 2n ** 63n - 1n
const INTEGER_RANGES: Partial<Record<ColumnType['family'], readonly [bigint, bigint]>> = {
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  integer: [INT4_MIN, INT4_MAX],
  bigint: [INT8_MIN, INT8_MAX],
}

/**
 * How the lexer types a numeric literal decides how it prints: integers that fit int4 print bare
 * (quoted with ::integer when negative), larger ones as ::bigint then ::numeric, decimals bare
 * (quoted with ::numeric when negative).
 */
function numberLiteral(value: unknown, type: ColumnType): string {
  const text = numericText(value, type)
  const range = INTEGER_RANGES[type.family]
  if (range !== undefined) {
    if (!/^-?\d+$/.test(text)) throw new RangeError(`${type.family} takes whole numbers, got ${text}`)
    if (BigInt(text) < range[0] || BigInt(text) > range[1])
      throw new RangeError(`${text} is out of range for ${type.family}`)
  }
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') return `'${text}'::${typeLabel(type)}`
  if (!text.includes('.')) {
    const n = BigInt(text)
    if (n >= INT4_MIN && n <= INT4_MAX) return n < 0n ? `'${text}'::integer` : text
    if (n >= INT8_MIN && n <= INT8_MAX) return `'${text}'::bigint`
    return `'${text}'::numeric`
  }
  return text.startsWith('-') ? `'${text}'::numeric` : text
}

/** The canonical decimal text of a numeric default: no exponent, no redundant leading zeros. */
function numericText(value: unknown, type: ColumnType): string {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN'
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new RangeError(
        `default ${value} is beyond 2^53 and not exact as a JS number; pass a bigint or a string`,
      )
    }
    const text = String(value)
    if (/e/i.test(text))
      throw new RangeError(
        `default ${text} for ${type.sql}: write it as a decimal string or a sql\`\` expression`,
      )
    return text
  }
  if (typeof value === 'string') {
    if (type.family !== 'numeric' && type.family !== 'bigint') {
      throw new TypeError(`expected a number default for ${type.sql}, got string`)
    }
    if (value === 'NaN') return value
    const match = /^(-?)0*(\d+?)(\.\d+)?$/.exec(value)
    if (match === null)
      throw new RangeError(`default '${value}' for ${type.sql} is not a plain decimal number`)
    const [, sign, digits, fraction = ''] = match
    const zero = /^0*$/.test(digits! + fraction.slice(1))
    return `${zero ? '' : sign}${digits}${fraction}`
  }
  throw new TypeError(`expected a number default for ${type.sql}, got ${typeof value}`)
}

/** timestamp output trims trailing zeros of the fraction: `.500` prints as `.5`, `.000` not at all. */
function dateTimeText(value: unknown, type: ColumnType): string {
  if (typeof value === 'string') return value
  if (!(value instanceof Date)) throw new TypeError(`expected a Date or string default for ${type.sql}`)
  if (type.family === 'date') return formatDate(value)
  const text = formatTimestamp(value, type.family === 'timestamptz')
  const [, clock = text, suffix = ''] = /^(.*?\d\d:\d\d:\d\d(?:\.\d+)?)(.*)$/.exec(text) ?? []
  return (
    clock.replace(/\.(\d*?)0+$/, (_match, digits: string) => (digits === '' ? '' : `.${digits}`)) + suffix
  )
}

/** An array default as array_out() prints it, cast to the array type. */
function arrayDefault(value: unknown, type: ColumnType): string {
  if (!Array.isArray(value)) throw new TypeError(`expected an array default for ${type.sql}`)
  const element = type.element
  if (element === undefined) throw new TypeError(`array type ${type.sql} has no element type`)
  return `${quote(arrayText(value, element))}::${typeLabel(element)}[]`
}

function arrayText(values: readonly unknown[], element: ColumnType): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL'
    if (Array.isArray(item)) return arrayText(item, element)
    return arrayElement(elementText(item, element))
  })
  return `{${items.join(',')}}`
}

function elementText(item: unknown, element: ColumnType): string {
  if (typeof item === 'boolean') return item ? 't' : 'f'
  if (typeof item === 'number' || typeof item === 'bigint') return numericText(item, element)
  if (typeof item === 'string') return item
  throw new TypeError(
    `array defaults of ${element.sql} need numbers, strings or booleans; use a sql\`\` expression`,
  )
}

/** array_out() quotes an element only when it must. */
function arrayElement(text: string): string {
  const needsQuotes = text === '' || /^null$/i.test(text) || /[{}",\\\s]/.test(text)
  return needsQuotes ? `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : text
}
