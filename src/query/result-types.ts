/**
 * Result row types, computed from the selection by a few flat mapped types. `TNull` is the union of
 * the names of sources an outer join may leave empty: their columns are nullable in the result.
 */
import type { AnyColumn, Column } from '../schema/column.js'
import type { InferSelect, SelectValue } from '../schema/infer.js'
import type { AnyTable } from '../schema/table.js'
import type { View } from '../schema/view.js'
import type { subqueryDefinition } from './subquery-definition.js'

/** A subquery or CTE: its fields are columns qualified by its alias. */
export type Subquery<A extends string = string, R = Record<string, unknown>> = SubqueryBase<A, R> & {
  readonly [K in keyof R]: Column<R[K], 'notNull'> & { readonly $table: A }
}

export interface SubqueryBase<A extends string, R> {
  readonly $name: A
  /** Type-only: the row it produces. */
  readonly $row: R
  readonly [subqueryDefinition]: unknown
}

/** Anything a query can read from. */
export type Joinable = AnyTable | View | SubqueryBase<string, unknown>

export type NameOf<T> = T extends { readonly $name: infer N extends string } ? N : never

/** The row a source gives when selected as a whole. */
export type SourceRow<T> = T extends { readonly $row: infer R } ? R : InferSelect<T>

type Nullable<T, N, TNull extends string> = [N] extends [never] ? T : N extends TNull ? T | null : T

export type FieldValue<F, TNull extends string> = F extends AnyColumn
  ? Nullable<SelectValue<F>, F extends { readonly $table: infer N } ? N : never, TNull>
  : F extends { readonly $value: infer T }
    ? T
    : F extends { readonly $name: infer N }
      ? Nullable<SourceRow<F>, N, TNull>
      : { [K in keyof F]: FieldValue<F[K], TNull> }

/**
 * How a select shapes its rows: `single` selects one source as a whole (flat rows), `multiple`
 * selects every joined source as a whole (one nested object per source), `partial` is an explicit
 * selection.
 */
export type SelectMode = 'single' | 'multiple' | 'partial'

export type RowOf<S, M extends SelectMode, TNull extends string> = M extends 'single'
  ? SourceRow<S>
  : { [K in keyof S]: FieldValue<S[K], TNull> }
