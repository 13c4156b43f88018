import { describe, expect, it } from 'vitest'
import { formatRecordLiteral, parseRecordLiteral } from '../../../../src/dialects/pg/codec/record-literal.js'

describe('record literals', () => {
  it('quotes only what record_out quotes, doubling quotes and backslashes', () => {
    expect(formatRecordLiteral(['a', 'b c', null, ''])).toBe('(a,"b c",,"")')
    expect(formatRecordLiteral(['say "hi"', 'back\\slash', '(x)', 'a,b', 'tab\there'])).toBe(
      '("say ""hi""","back\\\\slash","(x)","a,b","tab\there")',
    )
    expect(formatRecordLiteral([])).toBe('()')
    expect(formatRecordLiteral([null])).toBe('()')
  })

  it('reads NULL as nothing and an empty string as ""', () => {
    expect(parseRecordLiteral('(,"",x)')).toEqual([null, '', 'x'])
    expect(parseRecordLiteral('()')).toEqual([])
    expect(parseRecordLiteral('(,)')).toEqual([null, null])
  })

  it('reads quotes, doubled quotes and backslashes inside and outside quotes', () => {
    expect(parseRecordLiteral('("a ""b""",c\\,d,"e\\\\f")')).toEqual(['a "b"', 'c,d', 'e\\f'])
    expect(parseRecordLiteral('(" a,b""c\\\\",,3,"{x,""y z""}")')).toEqual([
      ' a,b"c\\',
      null,
      '3',
      '{x,"y z"}',
    ])
  })

  it('reads nested records as the text of the inner record', () => {
    const inner = formatRecordLiteral(['x y', null])
    const outer = formatRecordLiteral([inner, 'z'])
    expect(outer).toBe('("(""x y"",)",z)')
    expect(parseRecordLiteral(outer)).toEqual([inner, 'z'])
    expect(parseRecordLiteral(inner)).toEqual(['x y', null])
  })

  it('gives back every field it wrote', () => {
    const samples = ['', ' ', '"', '\\', '(', ')', ',', 'NULL', 'a"b\\c(d)e,f g', '☃ 𝄞', '\n']
    for (const a of samples) {
      for (const b of [null, ...samples])
        expect(parseRecordLiteral(formatRecordLiteral([a, b]))).toEqual([a, b])
    }
  })

  it('refuses text that is not a record', () => {
    expect(() => parseRecordLiteral('a,b')).toThrow(/does not start/)
    expect(() => parseRecordLiteral('("a)')).toThrow(/ends inside/)
    expect(() => parseRecordLiteral('(a)b')).toThrow(/after/)
  })
})
