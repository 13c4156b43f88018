import { describe, expect, it } from 'vitest'
import { decoderForOid } from '../../../../src/dialects/pg/codec/decode-by-oid.js'

const decode = (oid: number, text: string) => {
  const decoder = decoderForOid(oid)
  return decoder ? decoder(text) : text
}

describe('decoderForOid', () => {
  it('decodes scalars', () => {
    expect(decode(16, 't')).toBe(true)
    expect(decode(16, 'f')).toBe(false)
    expect(decode(21, '-7')).toBe(-7)
    expect(decode(23, '42')).toBe(42)
    expect(decode(26, '4294967295')).toBe(4294967295)
    expect(decode(700, 'NaN')).toBeNaN()
    expect(decode(701, '-Infinity')).toBe(Number.NEGATIVE_INFINITY)
    expect(decode(20, '9223372036854775807')).toBe('9223372036854775807')
    expect(decode(1700, '1.10')).toBe('1.10')
    expect(decode(114, '{"a":[1]}')).toEqual({ a: [1] })
    expect(decode(3802, 'null')).toBeNull()
    expect(decode(1114, '2024-01-01 00:00:00')).toEqual(new Date('2024-01-01T00:00:00Z'))
    expect(decode(1184, '2024-01-01 02:00:00+02')).toEqual(new Date('2024-01-01T00:00:00Z'))
    expect(decode(1082, '2024-01-01')).toBe('2024-01-01')
    expect(decode(17, '\\x00ff')).toEqual(new Uint8Array([0, 255]))
  })

  it('decodes arrays element by element', () => {
    expect(decode(1000, '{t,f,NULL}')).toEqual([true, false, null])
    expect(decode(1007, '{{1,2},{3,4}}')).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect(decode(1016, '{1,2}')).toEqual(['1', '2'])
    expect(decode(3807, '{"{\\"a\\": 1}"}')).toEqual([{ a: 1 }])
    expect(decode(1185, '{"2024-01-01 00:00:00+00"}')).toEqual([new Date('2024-01-01T00:00:00Z')])
    expect(decode(1001, '{"\\\\x01"}')).toEqual([new Uint8Array([1])])
    expect(decode(1009, '{a,"b c",NULL}')).toEqual(['a', 'b c', null])
  })

  it('leaves other types alone', () => {
    for (const oid of [25, 1043, 2950, 1083, 1186, 869, 0, 99999]) expect(decoderForOid(oid)).toBeUndefined()
  })
})
