/** `created_at` → `createdAt`: the property a column gets on its table object. */
export function propertyKey(sqlName: string): string {
  return sqlName.replace(/_([a-z0-9])/g, (_, next: string) => next.toUpperCase())
}
