import { type Condition, Expr, encoderOf, type Operand, type SourcesOf } from './expr.js'
import type { Comparable } from './operators.js'
import { valueNode } from './values.js'

type ArrayOperand = Operand & { readonly $value: readonly unknown[] | null }

function arrayOp(left: Operand, op: string, right: unknown): Expr<boolean | null, never> {
  return new Expr({ kind: 'binary', left, op, right: valueNode(right, encoderOf(left)) })
}

/** `array @> values`: the array holds every one of the values. */
export function arrayContains<L extends ArrayOperand, R extends Comparable<L>>(
  array: L,
  values: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return arrayOp(array, ' @> ', values)
}

/** `array <@ values`: every element of the array is among the values. */
export function arrayContained<L extends ArrayOperand, R extends Comparable<L>>(
  array: L,
  values: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return arrayOp(array, ' <@ ', values)
}

/** `array && values`: the array and the values share at least one element. */
export function arrayOverlaps<L extends ArrayOperand, R extends Comparable<L>>(
  array: L,
  values: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return arrayOp(array, ' && ', values)
}
