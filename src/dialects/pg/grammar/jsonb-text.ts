/**
 * A JSON value printed the way PostgreSQL's jsonb output prints it: object keys ordered by length
 * then bytes (jsonb's storage order), a space after every `:` and `,`.
 */
export function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => compareJsonbKeys(a, b))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonbText(v)}`).join(', ')}}`
  }
  return JSON.stringify(value)
}

const utf8 = new TextEncoder()

function compareJsonbKeys(a: string, b: string): number {
  const x = utf8.encode(a)
  const y = utf8.encode(b)
  if (x.length !== y.length) return x.length - y.length
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return 0
}
