/**
 * Small lexical helpers for the SQL text that PostgreSQL's catalog functions print. They only need
 * to find brackets and commas outside string literals and quoted identifiers, never to parse SQL.
 */

/** Trailing whitespace and semicolons, which catalog functions print inconsistently. */
export function trimDefinition(text: string): string {
  return text.replace(/[\s;]+$/u, '').replace(/^\s+/u, '')
}

/** The index just past a quoted token starting at `start` (`'...'`, `E'...'` or `"..."`). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start]!
  const escapes = quote === "'" && start > 0 && /[eE]/.test(text[start - 1]!)
  let i = start + 1
  while (i < text.length) {
    const char = text[i]!
    if (escapes && char === '\\') i += 2
    else if (char === quote && text[i + 1] === quote) i += 2
    else if (char === quote) return i + 1
    else i += 1
  }
  return i
}

/** The index of the bracket that closes the one at `open`, or -1. */
export function closingBracket(text: string, open: number): number {
  let depth = 0
  let i = open
  while (i < text.length) {
    const char = text[i]!
    if (char === "'" || char === '"') {
      i = skipQuoted(text, i)
      continue
    }
    if (char === '(' || char === '[') depth += 1
    else if (char === ')' || char === ']') {
      depth -= 1
      if (depth === 0) return i
    }
    i += 1
  }
  return -1
}

/** The index of the first `(` outside quoted identifiers and literals, or -1. */
export function firstOpenBracket(text: string, from = 0): number {
  let i = from
  while (i < text.length) {
    const char = text[i]!
    if (char === "'" || char === '"') i = skipQuoted(text, i)
    else if (char === '(') return i
    else i += 1
  }
  return -1
}

/** Splits on commas that are not inside brackets, literals or quoted identifiers. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  let i = 0
  while (i < text.length) {
    const char = text[i]!
    if (char === "'" || char === '"') {
      i = skipQuoted(text, i)
      continue
    }
    if (char === '(' || char === '[') depth += 1
    else if (char === ')' || char === ']') depth -= 1
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim())
      start = i + 1
    }
    i += 1
  }
  parts.push(text.slice(start).trim())
  return parts
}

/** `(a + b)` becomes `a + b`; text not wrapped as a whole in one pair of brackets is returned as is. */
export function unwrapBrackets(text: string): string {
  const trimmed = text.trim()
  if (trimmed.startsWith('(') && closingBracket(trimmed, 0) === trimmed.length - 1) {
    return trimmed.slice(1, -1).trim()
  }
  return trimmed
}

/**
 * The expression of a CHECK constraint as pg_get_constraintdef prints it (`CHECK ((a > 0)) NOT VALID`):
 * the text between the brackets that follow CHECK, so `(a > 0)`. The brackets CHECK itself
 * requires are dropped; the expression's own canonical brackets stay.
 */
export function checkExpression(definition: string): string {
  const open = definition.indexOf('(')
  const close = open < 0 ? -1 : closingBracket(definition, open)
  if (!definition.startsWith('CHECK') || close < 0) return definition
  return definition.slice(open + 1, close).trim()
}

/** `"C"` becomes `C`; unquoted or qualified names are returned as printed. */
export function unquoteIdentifier(text: string): string {
  if (/^"(?:[^"]|"")*"$/u.test(text)) return text.slice(1, -1).replaceAll('""', '"')
  return text
}
