import { describe, expect, it } from 'vitest'
import { parseInt8AsBigInt, parseInt8AsNumber } from '../../../../src/dialects/pg/codec/int8.js'

describe('int8', () => {
  it('reads safe integers as numbers', () => {
    expect(parseInt8AsNumber('0')).toBe(0)
    expect(parseInt8AsNumber('-42')).toBe(-42)
    expect(parseInt8AsNumber('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER)
    expect(parseInt8AsNumber('-9007199254740991')).toBe(Number.MIN_SAFE_INTEGER)
  })

  it('refuses to round values outside the safe range, naming the value and the fix', () => {
    for (const text of ['9007199254740992', '-9007199254740992', '9223372036854775807']) {
      expect(() => parseInt8AsNumber(text)).toThrow(RangeError)
      expect(() => parseInt8AsNumber(text)).toThrow(text)
      expect(() => parseInt8AsNumber(text)).toThrow("bigint({ mode: 'bigint' })")
    }
  })

  it('reads the whole int8 range as bigint', () => {
    expect(parseInt8AsBigInt('9223372036854775807')).toBe(9223372036854775807n)
    expect(parseInt8AsBigInt('-9223372036854775808')).toBe(-9223372036854775808n)
  })

  it('rejects text that is not an integer', () => {
    expect(() => parseInt8AsBigInt('1.5')).toThrow(SyntaxError)
    expect(() => parseInt8AsNumber('')).toThrow(SyntaxError)
  })
})
