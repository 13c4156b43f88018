import { type Column, column } from '../../schema/column.js'
import { DEFAULT_SCHEMA, schemaObjectKind } from '../../schema/kind.js'
import { type Chunk, type SqlReference, toSqlChunk } from '../../sql/sql.js'
import { pgType } from './pg-type.js'
import { qualifiedName } from './quote.js'

/**
 * A PostgreSQL enum type. Call it to make a column: `role()` or `role('user_role')`; the column is
 * typed with the union of its labels.
 */
export interface PgEnum<V extends string = string> extends SqlReference {
  (name?: string): Column<V>
  readonly [schemaObjectKind]: 'enum'
  readonly schema: string
  readonly enumName: string
  readonly values: readonly V[]
}

/**
 * Declares `CREATE TYPE <name> AS ENUM (...)`; the labels keep their order.
 *
 * @example
 * export const role = enumType('role', ['member', 'admin'])
 * export const users = table('users', { role: role().notNull().default('member') })
 */
export function enumType<const V extends readonly string[]>(
  name: string,
  values: V,
  options: { schema?: string } = {},
): PgEnum<V[number]> {
  const schema = options.schema ?? DEFAULT_SCHEMA
  const labels = Object.freeze([...values]) as readonly V[number][]
  const type = pgType(qualifiedName(schema, name), 'enum', {}, { enum: { schema, name, values: labels } })
  const factory = (columnName?: string): Column<V[number]> => column(type, columnName)
  return Object.assign(factory, {
    [schemaObjectKind]: 'enum' as const,
    schema,
    enumName: name,
    values: labels,
    [toSqlChunk]: (): Chunk => ({ kind: 'identifier', names: [schema, name] }),
  })
}
