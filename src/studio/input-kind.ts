import { qualifiedName } from '../dialects/pg/grammar/index.js'
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

/** The labels of the enum a column's type names (as format_type prints it: `public.mood`), or null. */
export function enumValues(type: string, enums: readonly EnumModel[]): readonly string[] | null {
  return enums.find((e) => type === qualifiedName(e.schema, e.name))?.values ?? null
}
