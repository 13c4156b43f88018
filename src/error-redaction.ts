/**
 * PostgreSQL quotes the data it refused inside its own error text: `Key (email)=(ann@example.com)
 * already exists.`, `invalid input syntax for type integer: "4111 1111"`. Those values are the
 * application's data (often personal or secret), so the text Tidemark shows by default has them
 * replaced. Only data exceptions (SQLSTATE class 22) and integrity violations (class 23) carry
 * them; other messages name objects, not data, and stay as they are.
 */

export const REDACTED = '[redacted]'

/** Whether errors with this SQLSTATE may quote the application's data. */
export function mayQuoteData(code: string): boolean {
  return code.startsWith('22') || code.startsWith('23')
}

/**
 * The server's message with quoted data replaced. Only data exceptions quote data in the message;
 * integrity violations quote constraint and table names there, and their data in the detail.
 */
export function redactMessage(code: string, message: string): string {
  return code.startsWith('22') ? redactQuoted(message) : message
}

/** The server's detail with the key values, the failing row or quoted data replaced. */
export function redactDetail(code: string, detail: string | undefined): string | undefined {
  if (detail === undefined || !mayQuoteData(code)) return detail
  // `Key (a, b)=(1, x) already exists.`: from the first `)=(` to the last `)`, values may hold parentheses.
  if (/\)=\(/.test(detail)) return detail.replace(/\)=\(.*\)/s, `)=(${REDACTED})`)
  if (detail.startsWith('Failing row contains (')) return `Failing row contains (${REDACTED}).`
  return redactQuoted(detail)
}

// From the first quote to the last: a value may itself hold quotes, which PostgreSQL does not escape.
function redactQuoted(text: string): string {
  return text.replace(/".*"/s, REDACTED)
}
