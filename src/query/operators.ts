import type { SQL } from '../sql/sql.js'
import type { ExprNode } from './ast.js'
import {
  type Condition,
  Expr,
  encoderOf,
  type Operand,
  type SourcesOf,
  type TypedOperand,
  type ValueOf,
} from './expr.js'
import type { Placeholder } from './placeholder.js'
import { valueNode } from './values.js'

/** What an operand may be compared with: a value of its type, an operand of its type, a placeholder. */
export type Comparable<L> =
  | NonNullable<ValueOf<L>>
  | { readonly $value: NonNullable<ValueOf<L>> | null }
  | SQL
  | Placeholder

function compare<Src extends string>(left: Operand, op: string, right: unknown): Condition<Src> {
  return new Expr({ kind: 'binary', left, op, right: valueNode(right, encoderOf(left)) })
}

/**
 * `left = right`. The right side is a value of the left side's type (sent as a parameter written
 * by the column's own encoder), another operand or a placeholder.
 *
 * @example
 * eq(users.email, 'ada@example.com') // "users"."email" = $1
 */
export function eq<L extends Operand, R extends Comparable<L>>(
  left: L,
  right: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return compare(left, ' = ', right)
}

/** `left <> right`. */
export function ne<L extends Operand, R extends Comparable<L>>(
  left: L,
  right: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return compare(left, ' <> ', right)
}

/** `left > right`. */
export function gt<L extends Operand, R extends Comparable<L>>(
  left: L,
  right: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return compare(left, ' > ', right)
}

/** `left >= right`. */
export function gte<L extends Operand, R extends Comparable<L>>(
  left: L,
  right: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return compare(left, ' >= ', right)
}

/** `left < right`. */
export function lt<L extends Operand, R extends Comparable<L>>(
  left: L,
  right: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return compare(left, ' < ', right)
}

/** `left <= right`. */
export function lte<L extends Operand, R extends Comparable<L>>(
  left: L,
  right: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  return compare(left, ' <= ', right)
}

/** `operand between low and high` (inclusive). */
export function between<L extends Operand, R extends Comparable<L>>(
  operand: L,
  low: R,
  high: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  const encode = encoderOf(operand)
  return new Expr({
    kind: 'between',
    operand,
    low: valueNode(low, encode),
    high: valueNode(high, encode),
    negated: false,
  })
}

/** `operand not between low and high`. */
export function notBetween<L extends Operand, R extends Comparable<L>>(
  operand: L,
  low: R,
  high: R,
): Condition<SourcesOf<L> | SourcesOf<R>> {
  const encode = encoderOf(operand)
  return new Expr({
    kind: 'between',
    operand,
    low: valueNode(low, encode),
    high: valueNode(high, encode),
    negated: true,
  })
}

type TextOperand = TypedOperand<string>
type Pattern = string | TypedOperand<string> | Placeholder

/** `operand like pattern` (case-sensitive; `%` and `_` are wildcards). */
export function like<L extends TextOperand>(operand: L, pattern: Pattern): Condition<SourcesOf<L>> {
  return compare(operand as Operand, ' like ', pattern)
}

/** `operand not like pattern`. */
export function notLike<L extends TextOperand>(operand: L, pattern: Pattern): Condition<SourcesOf<L>> {
  return compare(operand as Operand, ' not like ', pattern)
}

/** `operand ilike pattern` (case-insensitive). */
export function ilike<L extends TextOperand>(operand: L, pattern: Pattern): Condition<SourcesOf<L>> {
  return compare(operand as Operand, ' ilike ', pattern)
}

/** `operand not ilike pattern`. */
export function notIlike<L extends TextOperand>(operand: L, pattern: Pattern): Condition<SourcesOf<L>> {
  return compare(operand as Operand, ' not ilike ', pattern)
}

/** `operand is null`. */
export function isNull<L extends Operand>(operand: L): Condition<SourcesOf<L>> {
  return new Expr({ kind: 'postfix', operand, op: ' is null' })
}

/** `operand is not null`. */
export function isNotNull<L extends Operand>(operand: L): Condition<SourcesOf<L>> {
  return new Expr({ kind: 'postfix', operand, op: ' is not null' })
}

type Conditions = readonly (Condition<string> | TypedOperand<boolean> | SQL | undefined)[]

function logical(op: ' and ' | ' or ', conditions: Conditions): Condition<never> | undefined {
  const items = conditions.filter((c) => c !== undefined) as ExprNode[]
  if (items.length === 0) return undefined
  if (items.length === 1) {
    const only = items[0]!
    return (only instanceof Expr ? only : new Expr(only)) as Condition<never>
  }
  return new Expr({ kind: 'logical', op, items })
}

/**
 * Joins conditions with AND. `undefined` entries are skipped, so filters can be added conditionally;
 * with none left the result is undefined, which `where()` ignores.
 *
 * @example
 * where(and(eq(users.active, true), search ? ilike(users.name, `%${search}%`) : undefined))
 */
export function and<C extends Conditions>(...conditions: C): Condition<SourcesOf<C[number]>> {
  return logical(' and ', conditions) as Condition<SourcesOf<C[number]>>
}

/** Joins conditions with OR; `undefined` entries are skipped. */
export function or<C extends Conditions>(...conditions: C): Condition<SourcesOf<C[number]>> {
  return logical(' or ', conditions) as Condition<SourcesOf<C[number]>>
}

/** `not (condition)`. */
export function not<C extends Condition<string> | TypedOperand<boolean> | SQL>(
  condition: C,
): Condition<SourcesOf<C>> {
  return new Expr({ kind: 'not', operand: condition as ExprNode })
}
