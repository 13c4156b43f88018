import type { AnyColumn } from './column.js'
import type { ColumnMap, tableColumns } from './table.js'
import type { viewColumns } from './view.js'

/** The column map of a table or a view with declared columns. */
export type ColumnsOf<T> = T extends { readonly [tableColumns]: infer C extends ColumnMap }
  ? C
  : T extends { readonly [viewColumns]: infer C extends ColumnMap }
    ? C
    : never

/** The JS value read from a column: its type, or null as well unless the column is NOT NULL. */
export type SelectValue<C extends AnyColumn> = 'notNull' extends C['$flags']
  ? C['$value']
  : C['$value'] | null

type Flat<T> = { [K in keyof T]: T[K] } & {}

/**
 * The row a `select *` returns, keyed by the table's property names.
 *
 * @example
 * type User = InferSelect<typeof users> // { id: string; email: string; nickname: string | null }
 */
export type InferSelect<T> = { [K in keyof ColumnsOf<T>]: SelectValue<ColumnsOf<T>[K]> }

/** The keys an insert must give: NOT NULL, no default, not generated. */
export type RequiredKeys<C> = {
  [K in keyof C]: C[K] extends AnyColumn
    ? 'generated' extends C[K]['$flags']
      ? never
      : 'default' extends C[K]['$flags']
        ? never
        : 'notNull' extends C[K]['$flags']
          ? K
          : never
    : never
}[keyof C]

/** The keys an insert may leave out (generated columns are neither required nor optional). */
export type OptionalKeys<C> = {
  [K in keyof C]: C[K] extends AnyColumn
    ? 'generated' extends C[K]['$flags']
      ? never
      : K extends RequiredKeys<C>
        ? never
        : K
    : never
}[keyof C]

/**
 * The values an insert takes: required where the column is NOT NULL with no default, optional where
 * a default, identity, serial or NULL allows it, and absent for generated columns.
 */
export type InferInsert<T> = Flat<
  { [K in RequiredKeys<ColumnsOf<T>>]: ColumnsOf<T>[K]['$value'] } & {
    [K in OptionalKeys<ColumnsOf<T>>]?: SelectValue<ColumnsOf<T>[K]>
  }
>
