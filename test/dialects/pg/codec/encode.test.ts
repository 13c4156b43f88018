import { describe, expect, it } from 'vitest'
import { encodeParam } from '../../../../src/dialects/pg/codec/encode.js'

describe('encodeParam', () => {
  it('writes null and undefined as SQL NULL', () => {
    expect(encodeParam(null)).toBeNull()
    expect(encodeParam(undefined)).toBeNull()
  })

  it('passes strings through', () => {
    expect(encodeParam("it's \\ $1")).toBe("it's \\ $1")
  })

  it('writes numbers, including the special values', () => {
    expect(encodeParam(42)).toBe('42')
    expect(encodeParam(-1.5)).toBe('-1.5')
    expect(encodeParam(Number.NaN)).toBe('NaN')
    expect(encodeParam(Number.POSITIVE_INFINITY)).toBe('Infinity')
    expect(encodeParam(Number.NEGATIVE_INFINITY)).toBe('-Infinity')
  })

  it('writes bigints and booleans', () => {
    expect(encodeParam(9223372036854775807n)).toBe('9223372036854775807')
    expect(encodeParam(true)).toBe('true')
    expect(encodeParam(false)).toBe('false')
  })

  it('writes Dates as timestamptz in UTC', () => {
    expect(encodeParam(new Date('2024-03-01T07:04:56.123Z'))).toBe('2024-03-01 07:04:56.123+00')
    expect(() => encodeParam(new Date('nope'))).toThrow(TypeError)
  })

  it('writes bytes as bytea hex', () => {
    expect(encodeParam(new Uint8Array([1, 2, 255]))).toBe('\\x0102ff')
  })

  it('writes arrays as array literals, element by element', () => {
    expect(encodeParam([1, null, 'a"b'])).toBe('{"1",NULL,"a\\"b"}')
    expect(encodeParam([[true], [false]])).toBe('{{"true"},{"false"}}')
    expect(encodeParam([])).toBe('{}')
  })

  it('writes other objects as JSON, bigints as strings', () => {
    expect(encodeParam({ a: 1, b: [true, null] })).toBe('{"a":1,"b":[true,null]}')
    expect(encodeParam({ id: 12345678901234567890n })).toBe('{"id":"12345678901234567890"}')
  })
})
