import { describe, expect, it } from 'vitest'
import { didYouMean, editDistance } from '../../src/cli/did-you-mean.js'

describe('did you mean', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('generate', 'generate')).toBe(0)
    expect(editDistance('genrate', 'generate')).toBe(1)
    expect(editDistance('generatee', 'generate')).toBe(1)
    expect(editDistance('ganerate', 'generate')).toBe(1)
    expect(editDistance('puhs', 'push')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })

  const commands = ['init', 'generate', 'migrate', 'status', 'check', 'pull', 'push', 'export', 'hash']

  it('suggests the closest candidate within one edit for short words, two for longer ones', () => {
    expect(didYouMean('genrate', commands)).toBe('generate')
    expect(didYouMean('migarte', commands)).toBe('migrate')
    expect(didYouMean('chekc', commands)).toBe('check')
    expect(didYouMean('exprot', commands)).toBe('export')
    expect(didYouMean('dry-rn', ['force', 'dry-run'])).toBe('dry-run')
    // Two edits away, but a short word: a guess, not a suggestion.
    expect(didYouMean('stat', commands)).toBeUndefined()
    expect(didYouMean('frobnicate', commands)).toBeUndefined()
  })

  it('prefers the nearer candidate, then the one listed first', () => {
    expect(didYouMean('pusj', commands)).toBe('push')
    expect(didYouMean('pul', ['pull', 'push'])).toBe('pull')
    expect(didYouMean('pus', ['pull', 'push'])).toBe('push')
  })
})
