import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatTimestamp,
  parseDate,
  parseTimestamp,
} from '../../../../src/dialects/pg/codec/datetime.js'

const maxDate = new Date(8_640_000_000_000_000)
const minDate = new Date(-8_640_000_000_000_000)

describe('parseTimestamp', () => {
  it('reads timestamptz with an hour offset', () => {
    expect(parseTimestamp('2024-03-01 12:34:56+00').toISOString()).toBe('2024-03-01T12:34:56.000Z')
    expect(parseTimestamp('2024-03-01 12:34:56-08').toISOString()).toBe('2024-03-01T20:34:56.000Z')
  })

  it('reads offsets with minutes and seconds', () => {
    expect(parseTimestamp('2024-03-01 12:34:56.123456+05:30').toISOString()).toBe('2024-03-01T07:04:56.123Z')
    expect(parseTimestamp('1900-01-01 00:00:00+00:19:32').toISOString()).toBe('1899-12-31T23:40:28.000Z')
  })

  it('reads timestamp without time zone as UTC', () => {
    expect(parseTimestamp('2024-03-01 12:34:56.5').toISOString()).toBe('2024-03-01T12:34:56.500Z')
  })

  it('truncates fractional seconds to milliseconds', () => {
    expect(parseTimestamp('2024-03-01 00:00:00.999999').getUTCMilliseconds()).toBe(999)
  })

  it('reads years before 100 without shifting them into the 1900s', () => {
    expect(parseTimestamp('0050-06-15 00:00:00').getUTCFullYear()).toBe(50)
  })

  it('reads BC years (1 BC is JS year 0)', () => {
    expect(parseTimestamp('0001-01-01 00:00:00+00 BC').getUTCFullYear()).toBe(0)
    expect(parseTimestamp('0044-03-15 12:00:00 BC').getUTCFullYear()).toBe(-43)
  })

  it('reads five-digit years', () => {
    expect(parseTimestamp('12345-01-02 03:04:05+00').toISOString()).toBe('+012345-01-02T03:04:05.000Z')
  })

  it('reads infinity', () => {
    expect(parseTimestamp('infinity')).toEqual(maxDate)
    expect(parseTimestamp('-infinity')).toEqual(minDate)
  })

  it('rejects other text', () => {
    expect(() => parseTimestamp('yesterday')).toThrow(SyntaxError)
    expect(() => parseTimestamp('294276-12-31 23:59:59+00')).toThrow(RangeError)
  })
})

describe('formatTimestamp', () => {
  it('writes UTC with milliseconds, with +00 for timestamptz', () => {
    const date = new Date('2024-03-01T07:04:56.123Z')
    expect(formatTimestamp(date, true)).toBe('2024-03-01 07:04:56.123+00')
    expect(formatTimestamp(date, false)).toBe('2024-03-01 07:04:56.123')
  })

  it('writes BC and large years', () => {
    const bc = new Date(0)
    bc.setUTCFullYear(-43, 2, 15)
    expect(formatTimestamp(bc, true)).toBe('0044-03-15 00:00:00.000+00 BC')
    expect(formatTimestamp(new Date('+012345-01-02T03:04:05Z'), false)).toBe('12345-01-02 03:04:05.000')
  })

  it('writes the extreme Dates as infinity', () => {
    expect(formatTimestamp(maxDate, true)).toBe('infinity')
    expect(formatTimestamp(minDate, false)).toBe('-infinity')
  })

  it('refuses an invalid Date', () => {
    expect(() => formatTimestamp(new Date(Number.NaN), true)).toThrow(TypeError)
  })

  it('round-trips random Dates', () => {
    let seed = 42
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (let i = 0; i < 500; i++) {
      // Years from about 4700 BC to 10000 AD, the range PostgreSQL and JS share comfortably.
      const date = new Date(Math.floor((random() * 2 - 1) * 210_000_000_000_000) + 60_000_000_000_000)
      expect(parseTimestamp(formatTimestamp(date, true))).toEqual(date)
      expect(parseTimestamp(formatTimestamp(date, false))).toEqual(date)
    }
  })
})

describe('date', () => {
  it('reads dates as UTC midnight', () => {
    expect(parseDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z')
    expect(parseDate('0001-01-01 BC').getUTCFullYear()).toBe(0)
    expect(parseDate('infinity')).toEqual(maxDate)
  })

  it('writes the UTC day', () => {
    expect(formatDate(new Date('2024-02-29T23:59:59Z'))).toBe('2024-02-29')
    expect(formatDate(parseDate('0044-03-15 BC'))).toBe('0044-03-15 BC')
    expect(formatDate(minDate)).toBe('-infinity')
  })
})

describe('parseTimestamp on random texts in every shape PostgreSQL prints', () => {
  const pad = (value: number, width: number) => String(value).padStart(width, '0')
  it('agrees with the instant the text names', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0100-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 6 }),
        fc.option(
          fc.tuple(
            fc.constantFrom(1, -1),
            fc.integer({ min: 0, max: 15 }),
            fc.integer({ min: 0, max: 59 }),
            fc.integer({ min: 0, max: 59 }),
            fc.integer({ min: 0, max: 2 }),
          ),
        ),
        fc.constantFrom(' ', 'T'),
        (date, micros, digits, offset, separator) => {
          const fraction = digits === 0 ? '' : `.${pad(micros, 6).slice(0, digits)}`
          let zone = ''
          let offsetMs = 0
          if (offset !== null) {
            const [sign, h, m, s, parts] = offset
            zone = `${sign > 0 ? '+' : '-'}${pad(h, 2)}${parts > 0 ? `:${pad(m, 2)}` : ''}${parts > 1 ? `:${pad(s, 2)}` : ''}`
            offsetMs = sign * (h * 3600 + (parts > 0 ? m * 60 : 0) + (parts > 1 ? s : 0)) * 1000
          }
          const d = date
          const text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}${separator}${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}${fraction}${zone}`
          const wholeSeconds = Math.floor(d.getTime() / 1000) * 1000
          const ms = digits === 0 ? 0 : Math.floor(Number(`0${fraction}`) * 1000 + 1e-9)
          expect(parseTimestamp(text).getTime()).toBe(wholeSeconds + ms - offsetMs)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
