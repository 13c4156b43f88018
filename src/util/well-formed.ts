/**
 * Lone surrogates (half of a UTF-16 pair) have no UTF-8 encoding: drivers send them as U+FFFD or,
 * on PGlite, cut the text short, so a string holding one never reaches PostgreSQL as written.
 */

// In a `u` regex a paired surrogate is one code point, so only a lone one matches \p{Surrogate}.
const LONE_SURROGATE = /\p{Surrogate}/u

type WellFormedCheck = (text: string) => boolean

// String.prototype.isWellFormed is native from Node 20; the regex stands in where it is missing.
const native = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed
const wellFormed: WellFormedCheck = native
  ? (text) => native.call(text)
  : (text) => !LONE_SURROGATE.test(text)

/** The index of the first lone surrogate in text, or -1 when it is well-formed Unicode. */
export function loneSurrogateIndex(text: string): number {
  return wellFormed(text) ? -1 : text.search(LONE_SURROGATE)
}
