import type { AnyColumn } from '../schema/column.js'
import { Column } from '../schema/column.js'
import type { SelectValue } from '../schema/infer.js'
import { type Chunk, type ParamEncoder, SQL, type SqlReference, toSqlChunk } from '../sql/sql.js'
import type { Decoder, ExprNode } from './ast.js'
import { TypedExpr } from './typed-expr.js'

/**
 * A typed SQL expression: what operators, aggregates and subqueries return. `T` is the JS value it
 * produces; `Src` names the tables it reads, so a query can refuse expressions over tables it does
 * not contain. Both exist only for the type checker.
 */
export class Expr<T, Src extends string = never> extends TypedExpr implements SqlReference {
  declare readonly $value: T
  declare readonly $src: Src

  /**
   * Reads result values with your own function, e.g. `sum(orders.total).mapWith(Number)`.
   * SQL NULL stays null.
   */
  mapWith<U, E extends Expr<unknown, string>>(
    this: E,
    decode: (text: string) => U,
  ): Expr<null extends E['$value'] ? U | null : U, E['$src']> {
    return new Expr(this.node, decode, this.encode)
  }

  [toSqlChunk](): Chunk {
    return { kind: 'expression', node: this.node }
  }
}

/** A boolean expression, usable in where, having and join conditions. */
export type Condition<Src extends string = never> = Expr<boolean | null, Src>

/** Anything that stands for a value in SQL: a column, an expression or a `sql` fragment. */
export type Operand = AnyColumn | Expr<unknown, string> | SQL

/** The JS value an operand produces. */
export type ValueOf<X> = X extends AnyColumn
  ? SelectValue<X>
  : X extends { readonly $value: infer T }
    ? T
    : never

/** The tables an operand reads (never for `sql` fragments, which are not checked). */
export type SourcesOf<X> = X extends { readonly $table: infer N extends string }
  ? N
  : X extends { readonly $src: infer S extends string }
    ? S
    : never

/** An operand whose value is `T` (or NULL). */
export type TypedOperand<T> = { readonly $value: T | null } | SQL

/** A condition over the given tables: an operator's result, a boolean column, or a `sql` fragment. */
export type ConditionOver<Names extends string> =
  | Condition<Names>
  | (AnyColumn & { readonly $value: boolean; readonly $table: Names })
  | SQL

export function isOperand(value: unknown): value is ExprNode {
  return value instanceof Column || value instanceof Expr || value instanceof SQL
}

/** The encoder a value compared with this operand should use. */
export function encoderOf(node: unknown): ParamEncoder | undefined {
  if (node instanceof Column) return node.config.type.encode
  if (node instanceof Expr) return node.encode
  return undefined
}

/** The decoder of a result field holding this operand. */
export function decoderOf(node: unknown): Decoder | undefined {
  if (node instanceof Column) return node.config.type.decode
  if (node instanceof Expr) return node.decode
  return undefined
}
