import { keepText } from '../../../query/row-mapper.js'
import type { ColumnType, TypeFamily } from '../../../schema/column-type.js'
import { formatArrayLiteral, parseArrayLiteral } from '../codec/array-literal.js'
import { encodeParam } from '../codec/encode.js'
import { pgValueCodec } from '../codec/value-codec.js'

/** Builds a scalar PostgreSQL column type; every type gets its array form for free. */
export function pgType(
  sql: string,
  family: TypeFamily,
  codec: { decode?: (text: string) => unknown; encode?: (value: unknown) => string | null } = {},
  extra: Pick<ColumnType, 'enum' | 'serial' | 'mode'> = {},
): ColumnType {
  const type: ColumnType = {
    sql,
    family,
    dimensions: 0,
    // keepText, the very function row mapping recognizes and skips.
    decode: codec.decode ?? keepText,
    encode: codec.encode ?? encodeParam,
    toArray: () => arrayOf(type),
    ...extra,
  }
  return type
}

/** `integer` to `integer[]`. PostgreSQL prints every array type with one pair of brackets. */
export function arrayOf(inner: ColumnType): ColumnType {
  if (inner.serial !== undefined)
    throw new TypeError('serial types have no array form; use integer().array()')
  const element = inner.element ?? inner
  const type: ColumnType = {
    sql: inner.dimensions === 0 ? `${inner.sql}[]` : inner.sql,
    family: 'array',
    dimensions: inner.dimensions + 1,
    element,
    decode: (text) => parseArrayLiteral(text, element.decode),
    encode: (value) => {
      if (value === null || value === undefined) return null
      if (!Array.isArray(value)) throw new TypeError(`Expected an array for ${type.sql}, got ${typeof value}`)
      return formatArrayLiteral(encodeLeaves(value, type.dimensions, element), asText)
    },
    toArray: () => arrayOf(type),
    ...(element.enum === undefined ? {} : { enum: element.enum }),
  }
  return type
}

const asText = (value: unknown): string | null => value as string | null

/**
 * Encodes the elements found exactly `depth` levels down. Deeper JS arrays are values, not
 * dimensions: a jsonb[] element may itself be a JSON array.
 */
function encodeLeaves(values: readonly unknown[], depth: number, element: ColumnType): unknown[] {
  return values.map((value) => {
    if (value === null || value === undefined) return null
    if (depth > 1) {
      if (!Array.isArray(value))
        throw new TypeError(`Expected a nested array for a ${depth}-dimensional array`)
      return encodeLeaves(value, depth - 1, element)
    }
    return element.encode(value, pgValueCodec)
  })
}
