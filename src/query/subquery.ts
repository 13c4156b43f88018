import type { AnyColumn } from '../schema/column.js'
import { column } from '../schema/column.js'
import type { ColumnType } from '../schema/column-type.js'
import type { ParamEncoder } from '../sql/sql.js'
import { setOwnProperty } from '../util/own-property.js'
import type { FieldNode, SubquerySourceNode } from './ast.js'
import { encoderOf } from './expr.js'
import type { Subquery } from './result-types.js'
import { byServerType } from './row-mapper.js'
import { type SubqueryDefinition, subqueryDefinition } from './subquery-definition.js'

/** A subquery column whose expression has no encoder of its own: values as the dialect writes them. */
const encodeAsDialect: ParamEncoder = (value, codec) => codec.encode(value)

/**
 * A subquery or CTE as a source: each field becomes a column qualified by the alias, decoded and
 * encoded like the field it stands for.
 */
export function makeSubquery<A extends string, R>(
  alias: A,
  fields: readonly FieldNode[],
  node: SubquerySourceNode,
): Subquery<A, R> {
  if (typeof alias !== 'string' || alias === '') throw new TypeError('A subquery needs a non-empty alias')
  const owner = { schema: '', name: alias }
  const columns: Record<string, AnyColumn> = {}
  for (const field of fields) {
    if (field.path.length !== 1) {
      throw new TypeError(
        `Subquery ${alias}: nested fields (${field.path.join('.')}) cannot be read from a subquery; select flat fields`,
      )
    }
    const key = field.path[0]!
    const type: ColumnType = {
      sql: 'unknown',
      family: 'custom',
      dimensions: 0,
      decode: field.decode ?? byServerType,
      encode: encoderOf(field.expr) ?? encodeAsDialect,
    }
    setOwnProperty(columns, key, column(type, key).notNull().bind(owner, key))
  }
  const definition: SubqueryDefinition = { alias, columns: Object.freeze(columns), node }
  return Object.freeze({ ...columns, $name: alias, [subqueryDefinition]: definition }) as unknown as Subquery<
    A,
    R
  >
}
