import { TidemarkError } from '../errors.js'
import type { ParamEncoder } from '../sql/sql.js'
import type { ExprNode } from './ast.js'
import { Expr, isOperand } from './expr.js'
import { Placeholder } from './placeholder.js'

/**
 * A value or an operand as a node: columns, expressions and fragments stand for themselves, a
 * placeholder waits for its value, anything else becomes a bound parameter written with `encode`.
 */
export function valueNode(value: unknown, encode: ParamEncoder | undefined): ExprNode {
  if (isOperand(value)) return value
  if (value instanceof Placeholder) return value.toNode(encode)
  if (isQueryLike(value)) return { kind: 'subquery', query: value.toQueryNode() }
  return { kind: 'param', value, encode }
}

/** A select builder (or set operation) that can be nested as a subquery. */
export interface QueryLike {
  toQueryNode(): import('./ast.js').QueryNode
  /** Type-only: refuses a select whose fields read a table it does not (see `SelectQuery`). */
  readonly $notInQuery?: never
}

export function isQueryLike(value: unknown): value is QueryLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<QueryLike>).toQueryNode === 'function'
  )
}

/** A LIMIT or OFFSET: a non-negative integer or a placeholder. */
export function countNode(count: number | Placeholder): ExprNode {
  if (count instanceof Placeholder) return count.toNode(undefined)
  if (!Number.isSafeInteger(count) || count < 0)
    throw new TidemarkError(`limit and offset take a non-negative integer, got ${String(count)}`)
  return { kind: 'param', value: count, encode: undefined }
}

/** `existing and condition`, flattened so repeated `where()` calls read as one list. */
export function andNode(existing: ExprNode | undefined, condition: ExprNode): ExprNode {
  if (existing === undefined) return condition
  return { kind: 'logical', op: ' and ', items: [...andItems(existing), ...andItems(condition)] }
}

function andItems(node: ExprNode): readonly ExprNode[] {
  const inner = node instanceof Expr ? node.node : node
  if (typeof inner === 'object' && 'kind' in inner && inner.kind === 'logical' && inner.op === ' and ')
    return inner.items
  return [node]
}
