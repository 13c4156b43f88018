import type { ColumnType, TypeFamily } from '../../../schema/column-type.js'
import { type JsNode, js } from '../../../ts-printer/js-ast.js'
import { defaultLiteral } from '../grammar/default-literal.js'
import { sqlTemplate } from './sql-template.js'

/** Families whose column type in JS is not a string, number or boolean (Date, Uint8Array, JSON). */
const NOT_PLAIN: ReadonlySet<TypeFamily> = new Set(['timestamp', 'timestamptz', 'json', 'jsonb', 'bytea'])
const NUMBER_FAMILIES: ReadonlySet<TypeFamily> = new Set([
  'smallint',
  'integer',
  'bigint',
  'real',
  'double precision',
])

type Plain = string | number | boolean | readonly Plain[]

/**
 * A column default as code: a plain JS value (`5`, `'member'`, `['a']`) when Tidemark writes that value
 * back as exactly the text PostgreSQL printed, else the printed text itself as `sql`.
 */
export function defaultExpression(text: string, type: ColumnType): JsNode {
  const value = literalValue(text, type)
  if (value !== undefined) {
    try {
      if (defaultLiteral(value, type) === text) return plainNode(value)
    } catch {
      // Not a value the column's type takes; the text is written as SQL.
    }
  }
  return sqlTemplate(text)
}

function literalValue(text: string, type: ColumnType): Plain | undefined {
  const family = (type.element ?? type).family
  if (NOT_PLAIN.has(family)) return undefined
  if (type.dimensions === 0 && family === 'boolean') {
    return text === 'true' ? true : text === 'false' ? false : undefined
  }
  const number = /^(\d+(?:\.\d+)?)$|^'(-?\d+(?:\.\d+)?)'::(?:integer|bigint|numeric)$/.exec(text)
  if (type.dimensions === 0 && number !== null) {
    const digits = number[1] ?? number[2]!
    if (family === 'numeric') return digits
    if (!NUMBER_FAMILIES.has(family)) return undefined
    const value = Number(digits)
    return Number.isFinite(value) && String(value) === digits ? value : undefined
  }
  const quoted = /^'((?:[^']|'')*)'::[^']+$/su.exec(text)
  if (quoted === null) return undefined
  const content = quoted[1]!.replaceAll("''", "'")
  if (type.dimensions === 0) return NUMBER_FAMILIES.has(family) || family === 'boolean' ? undefined : content
  try {
    const decoded = type.decode(content)
    return isPlain(decoded) ? decoded : undefined
  } catch {
    return undefined
  }
}

/** Strings, finite numbers, booleans and arrays of them; nulls and objects are left to SQL. */
function isPlain(value: unknown): value is Plain {
  if (Array.isArray(value)) return value.every(isPlain)
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  )
}

function plainNode(value: Plain): JsNode {
  if (Array.isArray(value)) return js.array(value.map(plainNode))
  if (typeof value === 'string') return js.string(value)
  return js.literal(String(value))
}
