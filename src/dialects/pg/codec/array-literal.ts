/**
 * PostgreSQL array literals: `{1,2,NULL}`, `{{"a b","c\"d"},{e,f}}`, `[0:1]={7,8}`.
 * Elements are plain text here; callers pass the element codec.
 */

/**
 * Reads an array literal into (nested) JS arrays. Unquoted `NULL` is SQL NULL; quoted `"NULL"`
 * is the string. A leading dimension decoration such as `[1:2]=` is ignored because JS arrays
 * always start at 0.
 *
 * @example
 * parseArrayLiteral('{{1,2},{3,NULL}}', Number) // [[1, 2], [3, null]]
 */
export function parseArrayLiteral<T>(text: string, decodeElement: (text: string) => T): unknown[] {
  const reader = new ArrayLiteralReader(text, decodeElement)
  return reader.readAll()
}

/**
 * Writes JS arrays as an array literal. Every non-null element is quoted, so element text never
 * needs to be inspected for characters that would otherwise be special.
 *
 * @example
 * formatArrayLiteral(['a', null, ['b']], String) // '{"a",NULL,{"b"}}'
 */
export function formatArrayLiteral(
  values: readonly unknown[],
  encodeElement: (value: unknown) => string | null,
): string {
  const parts = values.map((value) => {
    if (Array.isArray(value)) return formatArrayLiteral(value, encodeElement)
    const text = encodeElement(value)
    return text === null ? 'NULL' : `"${text.replace(/[\\"]/g, '\\$&')}"`
  })
  return `{${parts.join(',')}}`
}

class ArrayLiteralReader<T> {
  private position = 0

  constructor(
    private readonly text: string,
    private readonly decodeElement: (text: string) => T,
  ) {}

  readAll(): unknown[] {
    this.skipWhitespace()
    if (this.text[this.position] === '[') this.skipDimensions()
    const result = this.readArray()
    this.skipWhitespace()
    if (this.position !== this.text.length) this.fail('unexpected text after the closing brace')
    return result
  }

  private skipDimensions(): void {
    const equals = this.text.indexOf('=', this.position)
    if (equals < 0) this.fail('dimension decoration without "="')
    this.position = equals + 1
    this.skipWhitespace()
  }

  private readArray(): unknown[] {
    this.expect('{')
    const items: unknown[] = []
    this.skipWhitespace()
    if (this.text[this.position] === '}') {
      this.position += 1
      return items
    }
    for (;;) {
      this.skipWhitespace()
      items.push(this.readElement())
      this.skipWhitespace()
      const next = this.text[this.position]
      this.position += 1
      if (next === '}') return items
      if (next !== ',') this.fail('expected "," or "}"')
    }
  }

  private readElement(): unknown {
    const first = this.text[this.position]
    if (first === '{') return this.readArray()
    if (first === '"') return this.decodeElement(this.readQuoted())
    return this.readUnquoted()
  }

  private readQuoted(): string {
    this.position += 1
    let value = ''
    for (;;) {
      const char = this.text[this.position]
      if (char === undefined) this.fail('unterminated quoted element')
      this.position += 1
      if (char === '"') return value
      if (char === '\\') {
        const escaped = this.text[this.position]
        if (escaped === undefined) this.fail('backslash at end of input')
        value += escaped
        this.position += 1
      } else value += char
    }
  }

  private readUnquoted(): T | null {
    let value = ''
    let escaped = false
    // Trailing whitespace is not part of an unquoted element, unless it was escaped.
    let keptLength = 0
    for (;;) {
      const char = this.text[this.position]
      if (char === undefined) this.fail('unterminated array')
      if (char === ',' || char === '}') break
      if (char === '{' || char === '"') this.fail(`unexpected ${char} inside an unquoted element`)
      this.position += 1
      if (char === '\\') {
        const next = this.text[this.position]
        if (next === undefined) this.fail('backslash at end of input')
        value += next
        this.position += 1
        escaped = true
        keptLength = value.length
      } else {
        value += char
        if (!isArraySpace(char)) keptLength = value.length
      }
    }
    value = value.slice(0, keptLength)
    if (value === '') this.fail('empty unquoted element')
    if (!escaped && value.toUpperCase() === 'NULL') return null
    return this.decodeElement(value)
  }

  private skipWhitespace(): void {
    while (this.position < this.text.length && isArraySpace(this.text[this.position]!)) this.position += 1
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) this.fail(`expected "${char}"`)
    this.position += 1
  }

  private fail(reason: string): never {
    throw new SyntaxError(
      `Invalid array literal (${reason} at ${this.position}): ${JSON.stringify(this.text)}`,
    )
  }
}

// PostgreSQL's array_isspace: only these ASCII characters. A Unicode space (U+00A0, U+2000...) is
// part of an unquoted element, and the server does not quote elements for it.
function isArraySpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\v' || char === '\f'
}
