/**
 * Finds the schema-qualified relation names (`public.accounts`, `"Sales"."Order Items"`) in a view
 * query as PostgreSQL prints it, skipping string literals, so each can be written as an
 * interpolated table or view: the view then records what it reads.
 */
export function splitAtRelations<T>(
  query: string,
  lookup: (schema: string, name: string) => T | undefined,
): { parts: string[]; references: T[] } {
  const parts: string[] = []
  const references: T[] = []
  let copied = 0
  let i = 0
  while (i < query.length) {
    const char = query[i]!
    if (char === "'") {
      i = skipLiteral(query, i)
      continue
    }
    const first = readIdentifier(query, i)
    if (first === undefined) {
      i++
      continue
    }
    const qualifiedPart = previousSignificant(query, i) === '.'
    const second = query[first.end] === '.' ? readIdentifier(query, first.end + 1) : undefined
    const afterwards = second === undefined ? '' : (query[second.end] ?? '')
    if (!qualifiedPart && second !== undefined && afterwards !== '.' && afterwards !== '(') {
      const found = lookup(first.name, second.name)
      if (found !== undefined) {
        parts.push(query.slice(copied, i))
        references.push(found)
        copied = second.end
      }
      i = second.end
      continue
    }
    i = first.end
  }
  parts.push(query.slice(copied))
  return { parts, references }
}

/** The identifier starting at `start` (quoted or not), with where it ends. */
function readIdentifier(text: string, start: number): { name: string; end: number } | undefined {
  if (text[start] === '"') {
    let i = start + 1
    let name = ''
    while (i < text.length) {
      if (text[i] === '"' && text[i + 1] === '"') {
        name += '"'
        i += 2
      } else if (text[i] === '"') return { name, end: i + 1 }
      else name += text[i++]
    }
    return undefined
  }
  const match = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(text.slice(start, start + 256))
  return match === null ? undefined : { name: match[0], end: start + match[0].length }
}

function previousSignificant(text: string, before: number): string {
  return before > 0 ? text[before - 1]! : ''
}

/** The index just past the string literal opening at `start` (quotes doubled inside). */
function skipLiteral(text: string, start: number): number {
  const escapes = start > 0 && /[eE]/.test(text[start - 1]!)
  let i = start + 1
  while (i < text.length) {
    if (escapes && text[i] === '\\') i += 2
    else if (text[i] === "'" && text[i + 1] === "'") i += 2
    else if (text[i] === "'") return i + 1
    else i++
  }
  return i
}
