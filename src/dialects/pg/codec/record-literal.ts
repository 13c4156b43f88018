/**
 * PostgreSQL's text form of a composite value (record_out / record_in): `(a,"b c",)`. A field is
 * NULL when nothing stands between its commas, so an empty string must be written `""`.
 */

/**
 * Writes fields as record_out() does: a field is quoted only when it must be (empty, or holding a
 * quote, backslash, comma, bracket or whitespace), and inside quotes `"` and `\` are doubled. Writing
 * exactly what PostgreSQL prints lets a default read back unchanged.
 *
 * @example
 * formatRecordLiteral(['a', 'b c', null, '']) // '(a,"b c",,"")'
 */
export function formatRecordLiteral(fields: readonly (string | null)[]): string {
  const parts = fields.map((field) => {
    if (field === null) return ''
    const needsQuotes = field === '' || /[",\\()\s]/.test(field)
    return needsQuotes ? `"${field.replace(/["\\]/g, '$&$&')}"` : field
  })
  return `(${parts.join(',')})`
}

/**
 * Reads a record literal into its fields' texts (null for NULL), as record_in() does: inside or
 * outside quotes a backslash takes the next character as it is, and `""` inside quotes is one quote.
 *
 * @example
 * parseRecordLiteral('(a,"b ""c""",)') // ['a', 'b "c"', null]
 */
export function parseRecordLiteral(text: string): (string | null)[] {
  let position = 0
  const fail = (problem: string): never => {
    throw new SyntaxError(`Malformed record literal ${JSON.stringify(text)}: ${problem}`)
  }
  while (/\s/.test(text[position] ?? '')) position++
  if (text[position] !== '(') fail('it does not start with "("')
  position++
  const fields: (string | null)[] = []
  // `()` is a record of no fields.
  if (text[position] === ')') return finish(text, position + 1, fields, fail)
  for (;;) {
    const next = text[position]
    if (next === ',' || next === ')') {
      fields.push(null)
    } else {
      let value = ''
      let quoted = false
      for (;;) {
        const char = text[position]
        if (char === undefined) fail('it ends inside a field')
        if (!quoted && (char === ',' || char === ')')) break
        position++
        if (char === '\\') {
          const escaped = text[position]
          if (escaped === undefined) fail('it ends after a backslash')
          value += escaped
          position++
        } else if (char === '"') {
          if (!quoted) quoted = true
          else if (text[position] === '"') {
            value += '"'
            position++
          } else quoted = false
        } else value += char
      }
      fields.push(value)
    }
    const separator = text[position]
    position++
    if (separator === ')') return finish(text, position, fields, fail)
  }
}

function finish(
  text: string,
  position: number,
  fields: (string | null)[],
  fail: (problem: string) => never,
): (string | null)[] {
  if (text.slice(position).trim() !== '') fail('unexpected text after ")"')
  return fields
}
