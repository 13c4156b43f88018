import { type Column, column } from '../../../schema/column.js'
import type { ColumnType, CompositeDeclaration } from '../../../schema/column-type.js'
import { DEFAULT_SCHEMA, schemaObjectKind } from '../../../schema/kind.js'
import type { ColumnMap } from '../../../schema/table.js'
import { type Chunk, type SqlReference, toSqlChunk } from '../../../sql/sql.js'
import { formatRecordLiteral, parseRecordLiteral } from '../codec/record-literal.js'
import { pgValueCodec } from '../codec/value-codec.js'
import { qualifiedName } from '../grammar/quote.js'
import { arrayOf } from './pg-type.js'

/** A composite value in JS: every attribute may be NULL, as PostgreSQL allows. */
export type CompositeValue<A extends ColumnMap> = { -readonly [K in keyof A]: A[K]['$value'] | null }

/**
 * A PostgreSQL composite type. Call it to make a column, `address()` or `address('home')`; values are
 * objects with one key per attribute.
 */
export interface PgCompositeType<A extends ColumnMap = ColumnMap> extends SqlReference {
  (name?: string): Column<CompositeValue<A>>
  readonly [schemaObjectKind]: 'composite type'
  readonly schema: string
  readonly typeName: string
  readonly declaration: CompositeDeclaration
}

export interface CompositeTypeOptions {
  /** The schema the type lives in; `public` unless given. */
  readonly schema?: string
  /** COMMENT ON TYPE: documentation kept in the database. An empty text is no comment. */
  readonly comment?: string
}

/**
 * Declares `CREATE TYPE <name> AS (...)`. Attributes are columns (only their SQL name and type
 * count) and keep their order. Values are sent and read in PostgreSQL's record text form, each
 * attribute through its own type's codec, so dates, numbers, nested composites and arrays keep their
 * JS types.
 *
 * @example
 * export const address = compositeType('address', { street: text(), zip: varchar({ length: 10 }) })
 * export const shops = table('shops', { address: address() })
 * // row type: { address: { street: string | null; zip: string | null } | null }
 */
export function compositeType<const A extends ColumnMap>(
  name: string,
  attributes: A,
  options: CompositeTypeOptions = {},
): PgCompositeType<A> {
  const schema = options.schema ?? DEFAULT_SCHEMA
  if (options.comment !== undefined && typeof options.comment !== 'string')
    throw new TypeError(`composite type ${name}: the comment option takes a string`)
  const list = Object.entries(attributes).map(([key, attribute]) => ({
    key,
    name: attribute.config.name ?? key,
    type: attribute.config.type,
  }))
  const declaration: CompositeDeclaration = Object.freeze({
    schema,
    name,
    attributes: list,
    comment: options.comment,
  })
  const type: ColumnType = {
    sql: qualifiedName(schema, name),
    family: 'composite',
    dimensions: 0,
    decode: (text) => {
      const fields = parseRecordLiteral(text)
      const value: Record<string, unknown> = {}
      list.forEach((attribute, i) => {
        const field = fields[i]
        value[attribute.key] = field === null || field === undefined ? null : attribute.type.decode(field)
      })
      return value
    },
    encode: (value) => {
      if (value === null || value === undefined) return null
      if (typeof value !== 'object' || Array.isArray(value))
        throw new TypeError(`Expected an object for ${schema}.${name}, got ${typeof value}`)
      const record = value as Record<string, unknown>
      const unknown = Object.keys(record).find((key) => !list.some((a) => a.key === key))
      if (unknown !== undefined) throw new TypeError(`${schema}.${name} has no attribute ${unknown}`)
      return formatRecordLiteral(
        list.map((attribute) => {
          const field = record[attribute.key]
          return field === null || field === undefined ? null : attribute.type.encode(field, pgValueCodec)
        }),
      )
    },
    toArray: () => arrayOf(type),
    composite: declaration,
  }
  const factory = (columnName?: string): Column<CompositeValue<A>> => column(type, columnName)
  return Object.assign(factory, {
    [schemaObjectKind]: 'composite type' as const,
    schema,
    typeName: name,
    declaration,
    [toSqlChunk]: (): Chunk => ({ kind: 'identifier', names: [schema, name] }),
  })
}
