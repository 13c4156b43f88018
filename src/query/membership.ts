import type { ParamEncoder } from '../sql/sql.js'
import type { ExprNode } from './ast.js'
import { type Condition, Expr, encoderOf, type Operand, type SourcesOf } from './expr.js'
import type { Comparable } from './operators.js'
import { Placeholder } from './placeholder.js'
import { isQueryLike, type QueryLike, valueNode } from './values.js'

function membership(operand: Operand, values: unknown, negated: boolean): ExprNode {
  if (isQueryLike(values)) return { kind: 'quantified', operand, negated, array: values.toQueryNode() }
  const encode = encoderOf(operand)
  // A placeholder stands for the whole list, sent as one array parameter.
  if (values instanceof Placeholder)
    return { kind: 'quantified', operand, negated, array: values.toNode(arrayEncoder(encode)) }
  if (!Array.isArray(values)) throw new TypeError('inArray() takes an array, a subquery or a placeholder')
  return { kind: 'in-list', operand, negated, items: values.map((value) => valueNode(value, encode)) }
}

function arrayEncoder(encode: ParamEncoder | undefined): ParamEncoder | undefined {
  if (encode === undefined) return undefined
  return (value, codec) => {
    if (value === null || value === undefined) return null
    if (!Array.isArray(value)) throw new TypeError('The value of an inArray() placeholder must be an array')
    return codec.array(value.map((element) => encode(element, codec)))
  }
}

/**
 * `operand in (a, b, ...)`, `operand in (subquery)`, or `operand = any($1)` for a placeholder
 * holding an array. An empty list is simply false.
 *
 * @example
 * inArray(users.id, [1, 2]) // "users"."id" in ($1, $2)
 */
export function inArray<L extends Operand, R extends Comparable<L>>(
  operand: L,
  values: readonly R[] | QueryLike | Placeholder,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return new Expr(membership(operand, values, false))
}

/** `operand not in (...)`; an empty list is true. */
export function notInArray<L extends Operand, R extends Comparable<L>>(
  operand: L,
  values: readonly R[] | QueryLike | Placeholder,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return new Expr(membership(operand, values, true))
}

/** `exists (subquery)`. */
export function exists(query: QueryLike): Condition<never> {
  return new Expr({ kind: 'exists', query: query.toQueryNode(), negated: false })
}

/** `not exists (subquery)`. */
export function notExists(query: QueryLike): Condition<never> {
  return new Expr({ kind: 'exists', query: query.toQueryNode(), negated: true })
}
