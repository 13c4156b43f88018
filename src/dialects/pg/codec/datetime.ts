/**
 * timestamp, timestamptz and date in PostgreSQL's ISO DateStyle text. All Dates are read and
 * written in UTC so results never depend on the machine's time zone.
 */

/** The latest Date JS can hold; stands for PostgreSQL's `infinity`. */
const maxDateMs = 8_640_000_000_000_000

const timestampPattern =
  /^(\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2}){0,2})?( BC)?$/
const datePattern = /^(\d{4,})-(\d{2})-(\d{2})( BC)?$/

/**
 * Reads timestamp or timestamptz text. Text without an offset (timestamp without time zone) is
 * taken as UTC. Fractional seconds beyond milliseconds are truncated, since a Date cannot hold them.
 *
 * @example
 * parseTimestamp('2024-03-01 12:34:56.123456+05:30') // 2024-03-01T07:04:56.123Z
 */
export function parseTimestamp(text: string): Date {
  return parseCommonTimestamp(text) ?? parseAnyTimestamp(text)
}

const ZERO = 48
const DASH = 45
const COLON = 58
const SPACE = 32
const T = 84
const DOT = 46
const PLUS = 43

/** The digit at i, or NaN when it is not one (NaN then spoils any sum it enters). */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - ZERO
  return d >= 0 && d <= 9 ? d : Number.NaN
}

function twoDigits(text: string, i: number): number {
  return digitAt(text, i) * 10 + digitAt(text, i + 1)
}

/**
 * The shape PostgreSQL prints almost every value in (`2024-03-01 12:34:56.123456+05:30`: a
 * four-digit year from 0100 on, AD, an optional fraction and offset), read by position without a
 * regular expression or any allocation but the Date: result decoding runs it once per timestamp
 * in every row. Anything else returns undefined and goes through the general reader.
 */
function parseCommonTimestamp(text: string): Date | undefined {
  const n = text.length
  if (n < 19) return undefined
  const separator = text.charCodeAt(10)
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON ||
    (separator !== SPACE && separator !== T)
  ) {
    return undefined
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2)
  // Date.UTC maps years 0-99 to 1900-1999; those (and NaN from a non-digit) take the general path.
  if (!(year >= 100)) return undefined
  let i = 19
  let ms = 0
  if (i < n && text.charCodeAt(i) === DOT) {
    let scale = 100
    for (i += 1; i < n; i++) {
      const digit = text.charCodeAt(i) - ZERO
      if (digit < 0 || digit > 9) break
      ms += digit * scale
      scale /= 10
    }
    ms = Math.floor(ms)
  }
  let offsetMs = 0
  if (i < n) {
    const sign = text.charCodeAt(i)
    if ((sign !== PLUS && sign !== DASH) || i + 3 > n) return undefined
    let seconds = twoDigits(text, i + 1) * 3600
    i += 3
    if (i + 3 <= n && text.charCodeAt(i) === COLON) {
      seconds += twoDigits(text, i + 1) * 60
      i += 3
      if (i + 3 <= n && text.charCodeAt(i) === COLON) {
        seconds += twoDigits(text, i + 1)
        i += 3
      }
    }
    if (i !== n) return undefined
    offsetMs = (sign === PLUS ? 1 : -1) * seconds * 1000
  }
  const ms1970 =
    Date.UTC(
      year,
      twoDigits(text, 5) - 1,
      twoDigits(text, 8),
      twoDigits(text, 11),
      twoDigits(text, 14),
      twoDigits(text, 17),
      ms,
    ) - offsetMs
  return Number.isNaN(ms1970) ? undefined : new Date(ms1970)
}

function parseAnyTimestamp(text: string): Date {
  const infinite = parseInfinity(text)
  if (infinite) return infinite
  const match = timestampPattern.exec(text)
  if (!match) throw new SyntaxError(`Invalid timestamp text: ${JSON.stringify(text)}`)
  const [, year, month, day, hour, minute, second, fraction = '', offset, bc] = match
  const date = utcDate(Number(year), Number(month), Number(day), bc !== undefined)
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'))
  date.setUTCHours(Number(hour), Number(minute), Number(second), ms)
  const result = new Date(date.getTime() - offsetMs(offset))
  return checkRange(result, text)
}

/**
 * Writes a Date as timestamp text in UTC with milliseconds (`2024-03-01 07:04:56.123`), adding
 * `+00` for timestamptz. The two extreme Dates become `infinity` and `-infinity`.
 */
export function formatTimestamp(date: Date, withZone: boolean): string {
  const infinite = formatInfinity(date)
  if (infinite) return infinite
  const { datePart, era } = splitDate(date)
  const time = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`
  return `${datePart} ${time}.${pad(date.getUTCMilliseconds(), 3)}${withZone ? '+00' : ''}${era}`
}

/** Reads date text as a Date at UTC midnight. */
export function parseDate(text: string): Date {
  const infinite = parseInfinity(text)
  if (infinite) return infinite
  const match = datePattern.exec(text)
  if (!match) throw new SyntaxError(`Invalid date text: ${JSON.stringify(text)}`)
  const [, year, month, day, bc] = match
  return checkRange(utcDate(Number(year), Number(month), Number(day), bc !== undefined), text)
}

/** Writes the UTC calendar day of a Date as date text (`2024-03-01`, `0044-03-15 BC`). */
export function formatDate(date: Date): string {
  const infinite = formatInfinity(date)
  if (infinite) return infinite
  const { datePart, era } = splitDate(date)
  return datePart + era
}

function parseInfinity(text: string): Date | undefined {
  if (text === 'infinity') return new Date(maxDateMs)
  if (text === '-infinity') return new Date(-maxDateMs)
  return undefined
}

function formatInfinity(date: Date): string | undefined {
  const ms = date.getTime()
  if (Number.isNaN(ms)) throw new TypeError('Cannot write an invalid Date to PostgreSQL')
  if (ms === maxDateMs) return 'infinity'
  if (ms === -maxDateMs) return '-infinity'
  return undefined
}

// PostgreSQL has no year 0: 1 BC is astronomical year 0, 2 BC is -1, and so on.
function utcDate(year: number, month: number, day: number, bc: boolean): Date {
  const date = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(bc ? 1 - year : year, month - 1, day)
  return date
}

function splitDate(date: Date): { datePart: string; era: string } {
  const year = date.getUTCFullYear()
  const bc = year <= 0
  const datePart = `${pad(bc ? 1 - year : year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`
  return { datePart, era: bc ? ' BC' : '' }
}

function offsetMs(offset: string | undefined): number {
  if (offset === undefined || offset === 'Z') return 0
  const sign = offset.startsWith('-') ? -1 : 1
  const digits = offset.slice(1).replaceAll(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2, 4) || '0')
  const seconds = Number(digits.slice(4, 6) || '0')
  return sign * ((hours * 60 + minutes) * 60 + seconds) * 1000
}

function checkRange(date: Date, text: string): Date {
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`${JSON.stringify(text)} is outside the range of a JS Date`)
  return date
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
