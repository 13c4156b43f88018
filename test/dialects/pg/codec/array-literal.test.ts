import { describe, expect, it } from 'vitest'
import { formatArrayLiteral, parseArrayLiteral } from '../../../../src/dialects/pg/codec/array-literal.js'

const asText = (text: string) => text
const encodeText = (value: unknown) => (value === null ? null : String(value))

describe('parseArrayLiteral', () => {
  it('reads flat arrays with element decoding', () => {
    expect(parseArrayLiteral('{1,2,3}', Number)).toEqual([1, 2, 3])
  })

  it('reads the empty array', () => {
    expect(parseArrayLiteral('{}', asText)).toEqual([])
  })

  it('reads nested arrays', () => {
    expect(parseArrayLiteral('{{1,2},{3,4}}', Number)).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect(parseArrayLiteral('{{{a}},{{b}}}', asText)).toEqual([[['a']], [['b']]])
  })

  it('tells unquoted NULL (SQL NULL) from quoted "NULL" (a string)', () => {
    expect(parseArrayLiteral('{NULL,"NULL",null,nullx}', asText)).toEqual([null, 'NULL', null, 'nullx'])
  })

  it('does not decode NULL elements', () => {
    expect(parseArrayLiteral('{1,NULL}', Number)).toEqual([1, null])
  })

  it('reads quotes, backslashes, commas and braces inside quoted elements', () => {
    expect(parseArrayLiteral('{"a\\"b","c\\\\d","e,f","{g}"," h "}', asText)).toEqual([
      'a"b',
      'c\\d',
      'e,f',
      '{g}',
      ' h ',
    ])
  })

  it('reads backslash escapes in unquoted elements', () => {
    expect(parseArrayLiteral('{a\\,b,\\NULL}', asText)).toEqual(['a,b', 'NULL'])
  })

  it('reads unicode', () => {
    expect(parseArrayLiteral('{héllo,"🌊 tide",日本}', asText)).toEqual(['héllo', '🌊 tide', '日本'])
  })

  it('reads the empty string element', () => {
    expect(parseArrayLiteral('{"",a}', asText)).toEqual(['', 'a'])
  })

  it('ignores whitespace around unquoted elements', () => {
    expect(parseArrayLiteral(' { a , b } ', asText)).toEqual(['a', 'b'])
  })

  it('ignores a dimension decoration', () => {
    expect(parseArrayLiteral('[0:1]={7,8}', Number)).toEqual([7, 8])
    expect(parseArrayLiteral('[1:1][-1:0]={{a,b}}', asText)).toEqual([['a', 'b']])
  })

  it('rejects malformed input', () => {
    expect(() => parseArrayLiteral('{1,2', asText)).toThrow(SyntaxError)
    expect(() => parseArrayLiteral('1,2}', asText)).toThrow(SyntaxError)
    expect(() => parseArrayLiteral('{"a}', asText)).toThrow(SyntaxError)
    expect(() => parseArrayLiteral('{a}x', asText)).toThrow(SyntaxError)
  })
})

describe('formatArrayLiteral', () => {
  it('quotes every non-null element', () => {
    expect(formatArrayLiteral([1, 'a', null], encodeText)).toBe('{"1","a",NULL}')
  })

  it('writes the empty array', () => {
    expect(formatArrayLiteral([], encodeText)).toBe('{}')
  })

  it('escapes quotes and backslashes', () => {
    expect(formatArrayLiteral(['a"b', 'c\\d', 'NULL'], encodeText)).toBe('{"a\\"b","c\\\\d","NULL"}')
  })

  it('writes nested arrays', () => {
    expect(
      formatArrayLiteral(
        [
          ['a', 'b'],
          ['c', null],
        ],
        encodeText,
      ),
    ).toBe('{{"a","b"},{"c",NULL}}')
  })

  it('round-trips awkward strings', () => {
    const values = ['', ' ', 'NULL', 'a,b', '{x}', '"', '\\', '\\"', 'héllo 🌊', 'line\nbreak']
    expect(parseArrayLiteral(formatArrayLiteral(values, encodeText), asText)).toEqual(values)
  })
})
