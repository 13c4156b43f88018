import type { DefinedObjectModel } from './types.js'

/** Code-unit order, the same in every database and locale (never the server's collation). */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The model's order for its defined objects: kind, schema, table (none first), name. Introspection and toModel
 * both sort by it, so the two models of one schema are deeply equal.
 */
export function byKindSchemaTableName(a: DefinedObjectModel, b: DefinedObjectModel): number {
  return (
    compareText(a.kind, b.kind) ||
    compareText(a.schema, b.schema) ||
    compareText(a.table ?? '', b.table ?? '') ||
    compareText(a.name, b.name)
  )
}
