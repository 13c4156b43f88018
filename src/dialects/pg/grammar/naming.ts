import { MAX_IDENTIFIER_BYTES } from '../../../sql/identifiers.js'

/**
 * PostgreSQL's names for unnamed constraints, indexes and sequences, reproduced so that a database
 * built from the schema introspects back to the names the model predicts: `users_pkey`,
 * `users_email_key`, `posts_author_id_fkey`, `users_age_check`, `posts_created_at_idx`, `users_id_seq`.
 */

const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder()

/** The first `bytes` bytes of a name, never cutting a multibyte character (pg_mbcliplen). */
function clip(name: string, bytes: number): string {
  const encoded = utf8.encode(name)
  if (encoded.length <= bytes) return name
  let end = bytes
  while (end > 0 && (encoded[end]! & 0xc0) === 0x80) end--
  return fromUtf8.decode(encoded.subarray(0, end))
}

/**
 * makeObjectName(): `name1_name2_label`, truncating the longer of name1 and name2 first so the
 * result fits in 63 bytes.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let chars1 = utf8.encode(name1).length
  let chars2 = name2 === undefined ? 0 : utf8.encode(name2).length
  const overhead = (name2 === undefined ? 0 : 1) + (label === '' ? 0 : utf8.encode(label).length + 1)
  const available = MAX_IDENTIFIER_BYTES - overhead
  while (chars1 + chars2 > available) {
    if (chars1 > chars2) chars1--
    else chars2--
  }
  let result = clip(name1, chars1)
  if (name2 !== undefined) result += `_${clip(name2, chars2)}`
  if (label !== '') result += `_${label}`
  return result
}

/**
 * Chooses names the way ChooseRelationName()/ChooseConstraintName() do: the plain name, else the
 * label with 1, 2, ... appended, skipping every name already used in the schema.
 */
export class NameAllocator {
  private readonly used: Set<string>

  constructor(used: Iterable<string> = []) {
    this.used = new Set(used)
  }

  reserve(name: string): void {
    this.used.add(name)
  }

  has(name: string): boolean {
    return this.used.has(name)
  }

  choose(name1: string, name2: string | undefined, label: string): string {
    for (let pass = 0; ; pass++) {
      const name = makeObjectName(name1, name2, pass === 0 ? label : `${label}${pass}`)
      if (!this.used.has(name)) {
        this.used.add(name)
        return name
      }
    }
  }
}

/** ChooseIndexNameAddition(): column names joined by `_`, stopping once the result is long enough. */
export function nameAddition(columnNames: readonly string[]): string {
  let result = ''
  for (const name of columnNames) {
    if (result !== '') result += '_'
    result += clip(name, MAX_IDENTIFIER_BYTES)
    if (utf8.encode(result).length >= MAX_IDENTIFIER_BYTES + 1) break
  }
  return result
}

/**
 * ChooseIndexColumnNames(): each key's name (the column, the function an expression calls, else
 * `expr`), made unique within the index by appending 1, 2, ...
 */
export function indexColumnNames(keys: readonly ({ column: string } | { expression: string })[]): string[] {
  const result: string[] = []
  for (const key of keys) {
    const original = 'column' in key ? key.column : expressionColumnName(key.expression)
    let name = original
    for (let i = 1; result.includes(name); i++) {
      const suffix = String(i)
      name = clip(original, MAX_IDENTIFIER_BYTES - suffix.length) + suffix
    }
    result.push(name)
  }
  return result
}

/**
 * FigureIndexColname() for the common shapes: a function call is named after the function
 * (`lower(email)` gives `lower`), a cast of a column after the column, anything else `expr`.
 * Name expression indexes explicitly when the exact default matters.
 */
export function expressionColumnName(expression: string): string {
  let text = expression.trim()
  while (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1)))
    text = text.slice(1, -1).trim()
  const call =
    /^(?:(?:"[^"]+"|[A-Za-z_][\w$]*)\s*\.\s*)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*\(([\s\S]*)\)$/.exec(text)
  if (call !== null && balanced(call[2]!)) return identifierText(call[1]!)
  const cast = /^("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*::/.exec(text)
  if (cast !== null) return identifierText(cast[1]!)
  return 'expr'
}

function identifierText(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replaceAll('""', '"') : token.toLowerCase()
}

function balanced(text: string): boolean {
  let depth = 0
  let quote: string | undefined
  for (const ch of text) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined
    } else if (ch === "'" || ch === '"') quote = ch
    else if (ch === '(') depth++
    else if (ch === ')' && --depth < 0) return false
  }
  return depth === 0 && quote === undefined
}
