/** Code-unit order, the same in every database and locale (never the server's collation). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function bySchemaAndName<T extends { readonly schema: string; readonly name: string }>(
  a: T,
  b: T,
): number {
  return compareText(a.schema, b.schema) || compareText(a.name, b.name)
}

export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return compareText(a.name, b.name)
}
