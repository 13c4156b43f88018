import type { ColumnType, ValueMode } from '../schema/column-type.js'

/**
 * What a value of a column type must be, as plain data: the one description both validation entries
 * (`tidemark/zod` and `tidemark/validate`) turn into checks, so they accept exactly the same values.
 */
export type ValueRule =
  /** A JS string; `maxLength` for varchar(n) and char(n). */
  | { readonly kind: 'text'; readonly maxLength: number | undefined }
  /** Any 128-bit uuid in its 8-4-4-4-12 hex form (PostgreSQL takes every version, nil included). */
  | { readonly kind: 'uuid' }
  /** A whole JS number in [min, max]: the integer types, and bigint in number mode. */
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  /** A JS bigint, bounded by the type (bigint) or by the precision (numeric in bigint mode). */
  | { readonly kind: 'bigint'; readonly min: bigint | undefined; readonly max: bigint | undefined }
  /**
   * A finite JS number; `below` bounds its magnitude (numeric(p, s) in number mode: 10^(p-s)),
   * `real` asks that it fit a float4.
   */
  | { readonly kind: 'number'; readonly below: number | undefined; readonly real: boolean }
  /** numeric in string mode: decimal text whose digits fit the precision and scale. */
  | { readonly kind: 'decimal'; readonly precision: number | undefined; readonly scale: number }
  | { readonly kind: 'boolean' }
  /** A valid JS Date within PostgreSQL's range (timestamps, and dates in date mode). */
  | { readonly kind: 'date' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** A value JSON can represent (the column's declared shape is the caller's to refine). */
  | { readonly kind: 'json' }
  | { readonly kind: 'bytes' }
  /** An array nested `dimensions` deep, rectangular as PostgreSQL requires, of `element` values. */
  | { readonly kind: 'array'; readonly dimensions: number; readonly element: ValueRule }
  /** A composite value: an object with exactly its attributes, each NULL or a value of its type. */
  | { readonly kind: 'composite'; readonly attributes: readonly { key: string; rule: ValueRule }[] }
  /** Custom types: any value but undefined (their codecs decide). */
  | { readonly kind: 'any' }

export type ValueRuleKind = ValueRule['kind']

const int16 = { min: -32768, max: 32767 }
const int32 = { min: -2147483648, max: 2147483647 }
const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n }

/** The rule a column type's values follow. */
export function valueRule(type: ColumnType): ValueRule {
  if (type.domain !== undefined) return valueRule(type.domain.base)
  if (type.family !== 'array' && type.dimensions === 0) return scalarRule(type)
  const element = type.element
  if (element === undefined) throw new TypeError(`Array type ${type.sql} has no element type`)
  return { kind: 'array', dimensions: type.dimensions, element: valueRule(element) }
}

function scalarRule(type: ColumnType): ValueRule {
  switch (type.family) {
    case 'smallint':
      return { kind: 'integer', ...int16 }
    case 'integer':
      return { kind: 'integer', ...int32 }
    case 'bigint':
      return type.mode === 'bigint'
        ? { kind: 'bigint', ...int64 }
        : { kind: 'integer', min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }
    case 'numeric':
      return numericRule(type.sql, type.mode)
    case 'real':
      return { kind: 'number', below: undefined, real: true }
    case 'double precision':
      return { kind: 'number', below: undefined, real: false }
    case 'boolean':
      return { kind: 'boolean' }
    case 'text':
    case 'character varying':
    case 'character':
      return { kind: 'text', maxLength: typmods(type.sql)[0] }
    case 'uuid':
      return { kind: 'uuid' }
    case 'timestamp':
    case 'timestamptz':
      return type.mode === 'string' ? { kind: 'text', maxLength: undefined } : { kind: 'date' }
    case 'date':
      // Unlike timestamps, dates are strings unless asked for in date mode.
      return type.mode === 'date' ? { kind: 'date' } : { kind: 'text', maxLength: undefined }
    case 'time':
    case 'timetz':
    case 'interval':
    case 'inet':
    case 'cidr':
    case 'macaddr':
      return { kind: 'text', maxLength: undefined }
    case 'json':
    case 'jsonb':
      return { kind: 'json' }
    case 'bytea':
      return { kind: 'bytes' }
    case 'enum':
      if (type.enum === undefined) throw new TypeError(`Enum type ${type.sql} has no labels`)
      return { kind: 'enum', values: type.enum.values }
    case 'composite': {
      if (type.composite === undefined) throw new TypeError(`Composite type ${type.sql} has no attributes`)
      const attributes = type.composite.attributes
      return {
        kind: 'composite',
        attributes: attributes.map((a) => ({ key: a.key, rule: valueRule(a.type) })),
      }
    }
    case 'custom':
      return { kind: 'any' }
    case 'array':
      throw new TypeError(`Array type ${type.sql} has no dimensions`)
  }
}

function numericRule(sql: string, mode: ValueMode | undefined): ValueRule {
  const [precision, scale = 0] = typmods(sql)
  switch (mode ?? 'string') {
    case 'string':
      return { kind: 'decimal', precision, scale }
    case 'number':
      return {
        kind: 'number',
        below: precision === undefined ? undefined : 10 ** (precision - scale),
        real: false,
      }
    case 'bigint': {
      const limit = precision === undefined ? undefined : 10n ** BigInt(precision) - 1n
      return { kind: 'bigint', min: limit === undefined ? undefined : -limit, max: limit }
    }
    case 'date':
      throw new TypeError(`numeric has no date mode`)
  }
}

/** The type modifiers format_type() prints: `numeric(10,2)` gives [10, 2], `text` gives []. */
function typmods(sql: string): (number | undefined)[] {
  const match = /\(([-\d,\s]+)\)$/.exec(sql)
  return match === null ? [] : match[1]!.split(',').map((part) => Number(part.trim()))
}
