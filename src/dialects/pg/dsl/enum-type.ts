import { type Column, column } from '../../../schema/column.js'
import { DEFAULT_SCHEMA, schemaObjectKind } from '../../../schema/kind.js'
import { type Chunk, type SqlReference, toSqlChunk } from '../../../sql/sql.js'
import { qualifiedName } from '../grammar/quote.js'
import { pgType } from './pg-type.js'

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
  /** COMMENT ON TYPE, if declared. */
  readonly comment: string | undefined
}

export interface EnumTypeOptions {
  /** The schema the type lives in; `public` unless given. */
  readonly schema?: string
  /** COMMENT ON TYPE: documentation kept in the database. An empty text is no comment. */
  readonly comment?: string
}

/**
 * Declares `CREATE TYPE <name> AS ENUM (...)`; the labels keep their order. Options give its schema
 * and comment.
 *
 * @example
 * export const role = enumType('role', ['member', 'admin'], { comment: 'What a user may do' })
 * export const users = table('users', { role: role().notNull().default('member') })
 */
export function enumType<const V extends readonly string[]>(
  name: string,
  values: V,
  options: EnumTypeOptions = {},
): PgEnum<V[number]> {
  const schema = options.schema ?? DEFAULT_SCHEMA
  const comment = options.comment
  if (comment !== undefined && typeof comment !== 'string')
    throw new TypeError(`enum ${name}: the comment option takes a string`)
  const labels = Object.freeze([...values]) as readonly V[number][]
  const type = pgType(
    qualifiedName(schema, name),
    'enum',
    {},
    { enum: { schema, name, values: labels, comment } },
  )
  const factory = (columnName?: string): Column<V[number]> => column(type, columnName)
  return Object.assign(factory, {
    [schemaObjectKind]: 'enum' as const,
    schema,
    enumName: name,
    values: labels,
    comment,
    [toSqlChunk]: (): Chunk => ({ kind: 'identifier', names: [schema, name] }),
  })
}
