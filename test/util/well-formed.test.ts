import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loneSurrogateIndex } from '../../src/util/well-formed.js'

/** The definition, one code unit at a time: a high surrogate not followed by a low one, or a low one not preceded by a high one. */
function reference(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const high = unit >= 0xd800 && unit <= 0xdbff
    const low = unit >= 0xdc00 && unit <= 0xdfff
    if (high) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else return i
    } else if (low) return i
  }
  return -1
}

describe('loneSurrogateIndex', () => {
  it('finds the first lone surrogate, and none in well-formed text', () => {
    expect(loneSurrogateIndex('a😀b')).toBe(-1)
    expect(loneSurrogateIndex('a\uD800b')).toBe(1)
    expect(loneSurrogateIndex('😀\uDE00')).toBe(2)
    expect(loneSurrogateIndex('\uDE00\uD83D')).toBe(0)
    const units = fc.constantFrom(0x61, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xd83d, 0xde00, 0xfeff)
    fc.assert(
      fc.property(fc.array(units, { maxLength: 12 }), (codes) => {
        const text = String.fromCharCode(...codes)
        expect(loneSurrogateIndex(text)).toBe(reference(text))
      }),
      { numRuns: 2000, seed: 16 },
    )
  })
})
