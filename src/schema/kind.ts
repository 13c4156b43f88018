/** Brands the objects a schema module exports, so `toModel` can find them among other exports. */
export const schemaObjectKind: unique symbol = Symbol.for('tidemark.schemaObjectKind')

export type SchemaObjectKind =
  | 'table'
  | 'view'
  | 'enum'
  | 'domain'
  | 'composite type'
  | 'sequence'
  | 'namespace'
  | 'extension'
  | 'routine'
  | 'trigger'
  | 'grant'

export function kindOf(value: unknown): SchemaObjectKind | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined
  return (value as { [schemaObjectKind]?: SchemaObjectKind })[schemaObjectKind]
}

/** The schema objects live in when none is named. */
export const DEFAULT_SCHEMA = 'public'
