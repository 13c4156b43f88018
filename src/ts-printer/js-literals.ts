/** Spelling of JavaScript literals in generated code. */

const IDENTIFIER_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u

/** A valid IdentifierName: usable as a property key or after a dot (reserved words included). */
export function isIdentifierName(text: string): boolean {
  return IDENTIFIER_NAME.test(text)
}

/**
 * A string literal, in single quotes unless the text holds more single than double quotes (the
 * formatter's rule), with only the escapes needed to keep it on one line and exact.
 */
export function jsString(value: string): string {
  const singles = value.split("'").length - 1
  const doubles = value.split('"').length - 1
  const quote = singles > doubles ? '"' : "'"
  let body = ''
  for (const char of value) {
    if (char === '\\') body += '\\\\'
    else if (char === quote) body += `\\${quote}`
    else body += escapeControl(char) ?? char
  }
  return `${quote}${body}${quote}`
}

/** A property key: bare when it is an identifier name, quoted otherwise. */
export function propertyKey(key: string): string {
  return isIdentifierName(key) ? key : jsString(key)
}

/**
 * Text for a template literal whose cooked value is exactly `text`: backslashes, backticks and `${`
 * escaped, carriage returns escaped (source line breaks would read back as `\n`). Line feeds stay real
 * line breaks when `multiline`, else they are escaped too.
 */
export function templateText(text: string, multiline: boolean): string {
  let body = ''
  const chars = [...text]
  chars.forEach((char, i) => {
    if (char === '\\') body += '\\\\'
    else if (char === '`') body += '\\`'
    else if (char === '$' && chars[i + 1] === '{') body += '\\$'
    else if (char === '\n' && multiline) body += '\n'
    else body += escapeControl(char) ?? char
  })
  return body
}

function escapeControl(char: string): string | undefined {
  switch (char) {
    case '\n':
      return '\\n'
    case '\r':
      return '\\r'
    case '\t':
      return '\\t'
    case '\u2028':
      return '\\u2028'
    case '\u2029':
      return '\\u2029'
    default: {
      const code = char.codePointAt(0)!
      if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`
      return undefined
    }
  }
}
