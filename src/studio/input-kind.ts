import type { EnumModel } from '../model/types.js'

/** How the studio's grid edits a column: the HTML input that fits its type. */
export type InputKind = 'number' | 'checkbox' | 'datetime-local' | 'date' | 'json' | 'enum' | 'text'

const NUMBERS = new Set([
  'smallint',
  'integer',
  'bigint',
  'real',
  'double precision',
  'numeric',
  'money',
  'oid',
])

/**
 * The input for a column of `type` (format_type's text). Arrays and types the page has no widget
 * for are edited as PostgreSQL's own text form, which the server parses.
 */
export function inputKind(type: string, dimensions: number, enums: readonly EnumModel[]): InputKind {
  if (dimensions > 0 || type.endsWith('[]')) return 'text'
  const base = type.replace(/\(.*\)/, '').trim()
  if (NUMBERS.has(base)) return 'number'
  if (base === 'boolean') return 'checkbox'
  if (base.startsWith('timestamp')) return 'datetime-local'
  if (base === 'date') return 'date'
  if (base === 'json' || base === 'jsonb') return 'json'
  if (enumValues(type, enums) !== null) return 'enum'
  return 'text'
}

/** The labels of the enum a column's type names (`public.mood`, or `mood` in public), or null. */
export function enumValues(type: string, enums: readonly EnumModel[]): readonly string[] | null {
  const found = enums.find(
    (e) =>
      type === `${e.schema}.${e.name}` ||
      type === `"${e.schema}"."${e.name}"` ||
      (e.schema === 'public' && type === e.name),
  )
  return found?.values ?? null
}
