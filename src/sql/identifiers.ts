import { loneSurrogateIndex } from '../util/well-formed.js'

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated (or, for enum labels, rejected). */
export const MAX_IDENTIFIER_BYTES = 63

const utf8 = new TextEncoder()

export function byteLength(text: string): number {
  return utf8.encode(text).length
}

/** Why PostgreSQL would not keep this name as written, or undefined when it would. */
export function identifierProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'the name is empty'
  if (name.includes('\u0000')) return 'the name contains a NUL character'
  if (loneSurrogateIndex(name) !== -1) {
    return 'the name contains a lone surrogate (half of a UTF-16 pair), which is not valid Unicode'
  }
  const bytes = byteLength(name)
  if (bytes > MAX_IDENTIFIER_BYTES) {
    return `the name is ${bytes} bytes long; PostgreSQL truncates names to ${MAX_IDENTIFIER_BYTES} bytes`
  }
  return undefined
}
