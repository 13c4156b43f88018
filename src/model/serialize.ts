import type { SchemaModel } from './types.js'

/**
 * The model as canonical JSON: object keys sorted, two-space indentation, a final newline. Equal
 * models give byte-identical text.
 */
export function serializeModel(model: SchemaModel): string {
  return `${JSON.stringify(sortKeys(model), null, 2)}\n`
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key])
  return sorted
}
