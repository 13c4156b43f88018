import type { ExprNode } from './ast.js'
import { decoderOf, Expr, type Operand, type SourcesOf, type ValueOf } from './expr.js'
import { keepText } from './row-mapper.js'

// A count fits a JS number exactly (bigint, but no table holds 2^53 rows).
const countDecoder = (text: string): number => Number(text)

const star: ExprNode = { kind: 'keyword', text: '*' }

function call(name: string, distinct: boolean, args: readonly ExprNode[]): ExprNode {
  return { kind: 'call', name, distinct, args }
}

/** `count(*)`, or `count(x)` (rows where x is not null); a number. */
export function count<X extends Operand = never>(operand?: X): Expr<number, SourcesOf<X>> {
  return new Expr(call('count', false, operand === undefined ? [star] : [operand]), countDecoder)
}

/** `count(distinct x)`; a number. */
export function countDistinct<X extends Operand>(operand: X): Expr<number, SourcesOf<X>> {
  return new Expr(call('count', true, [operand]), countDecoder)
}

/**
 * `sum(x)`. A string, exactly as PostgreSQL prints it (sums of integers are bigint or numeric and
 * may exceed 2^53); `.mapWith(Number)` reads a number. NULL over no rows.
 */
export function sum<X extends Operand>(operand: X): Expr<string | null, SourcesOf<X>> {
  return new Expr(call('sum', false, [operand]), keepText)
}

/** `sum(distinct x)`; a string, like `sum`. */
export function sumDistinct<X extends Operand>(operand: X): Expr<string | null, SourcesOf<X>> {
  return new Expr(call('sum', true, [operand]), keepText)
}

/** `avg(x)`; a string (numeric keeps every digit), `.mapWith(Number)` for a number. */
export function avg<X extends Operand>(operand: X): Expr<string | null, SourcesOf<X>> {
  return new Expr(call('avg', false, [operand]), keepText)
}

/** `min(x)`: the operand's own type, decoded like the column; NULL over no rows. */
export function min<X extends Operand>(operand: X): Expr<NonNullable<ValueOf<X>> | null, SourcesOf<X>> {
  return new Expr(call('min', false, [operand]), decoderOf(operand))
}

/** `max(x)`: the operand's own type, decoded like the column; NULL over no rows. */
export function max<X extends Operand>(operand: X): Expr<NonNullable<ValueOf<X>> | null, SourcesOf<X>> {
  return new Expr(call('max', false, [operand]), decoderOf(operand))
}
