import { describe, expect, it } from 'vitest'
import { formatBytea, parseBytea } from '../../../../src/dialects/pg/codec/bytea.js'

describe('bytea', () => {
  it('writes hex format', () => {
    expect(formatBytea(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('\\x0001abff')
    expect(formatBytea(new Uint8Array())).toBe('\\x')
  })

  it('reads hex format in either case', () => {
    expect(parseBytea('\\x0001ABff')).toEqual(new Uint8Array([0, 1, 0xab, 0xff]))
    expect(parseBytea('\\x')).toEqual(new Uint8Array())
  })

  it('reads the legacy escape format', () => {
    expect(parseBytea('ab\\000\\\\\\377')).toEqual(new Uint8Array([0x61, 0x62, 0, 0x5c, 0xff]))
  })

  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(parseBytea(formatBytea(bytes))).toEqual(bytes)
  })

  it('rejects malformed text', () => {
    expect(() => parseBytea('\\x0')).toThrow(SyntaxError)
    expect(() => parseBytea('\\xzz')).toThrow(SyntaxError)
    expect(() => parseBytea('\\9')).toThrow(SyntaxError)
  })
})
