/** JSON text; a bigint becomes a string, which keeps every digit where a number would round. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
}
