import { isIdentifierName } from './js-literals.js'

/** Words a variable may not be named: JavaScript's and TypeScript's reserved words and special names. */
const RESERVED_BINDINGS = new Set(
  `break case catch class const continue debugger default delete do else enum export extends false finally for
  function if import in instanceof new null return super switch this throw true try typeof var void while with
  yield let static implements interface package private protected public await arguments eval undefined NaN
  Infinity`.split(/\s+/),
)

/**
 * `created_at` becomes `createdAt`, `Order Items` becomes `orderItems`, `URLPath` becomes `urlPath`.
 * Empty when the name has no letters or digits to build an identifier from.
 */
export function camelCase(name: string): string {
  const words = name.split(/[^\p{L}\p{N}$]+/u).filter((word) => word !== '')
  const result = words.map((word, i) => (i === 0 ? lowerFirst(word) : upperFirst(word))).join('')
  const candidate = /^\p{N}/u.test(result) ? `_${result}` : result
  return isIdentifierName(candidate) ? candidate : ''
}

function lowerFirst(word: string): string {
  const capitals = /^\p{Lu}+/u.exec(word)?.[0] ?? ''
  if (capitals.length === word.length) return word.toLowerCase()
  // An acronym before a word (`URLPath`) lowers all of the acronym but the word's capital.
  if (capitals.length > 1) return capitals.slice(0, -1).toLowerCase() + word.slice(capitals.length - 1)
  return word.charAt(0).toLowerCase() + word.slice(1)
}

function upperFirst(word: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return word.charAt(0) + word.slice(1).toLowerCase()
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * Hands out distinct names: the first candidate that is free and usable, else the last candidate
 * with 2, 3, ... appended.
 */
export class NameScope {
  private readonly taken = new Set<string>()

  constructor(
    private readonly usable: (name: string) => boolean,
    reserved: Iterable<string> = [],
  ) {
    for (const name of reserved) this.taken.add(name)
  }

  /** A scope for variables: valid, non-reserved identifiers. */
  static forBindings(reserved: Iterable<string>): NameScope {
    return new NameScope((name) => isIdentifierName(name) && !RESERVED_BINDINGS.has(name), reserved)
  }

  /** A scope for property keys: any identifier name, reserved words included. */
  static forKeys(reserved: Iterable<string>): NameScope {
    return new NameScope(isIdentifierName, reserved)
  }

  claim(candidates: readonly string[]): string {
    const usable = candidates.filter((c) => c !== '' && this.usable(c))
    for (const candidate of usable) {
      if (!this.taken.has(candidate)) return this.take(candidate)
    }
    const base = usable[usable.length - 1] ?? 'object'
    for (let n = 2; ; n++) {
      if (!this.taken.has(`${base}${n}`)) return this.take(`${base}${n}`)
    }
  }

  private take(name: string): string {
    this.taken.add(name)
    return name
  }
}
