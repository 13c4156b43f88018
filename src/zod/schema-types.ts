import type * as z from 'zod'
import type { AnyColumn } from '../schema/column.js'
import type { OptionalKeys, RequiredKeys } from '../schema/infer.js'
import type { ColumnMap } from '../schema/table.js'

/**
 * The zod schema a column's value starts from, chosen by its JS type: `z.ZodString` for a string
 * column (so a refinement may call `.email()`), `z.ZodNumber`, `z.ZodBigInt`, `z.ZodBoolean`,
 * `z.ZodDate`; enums, arrays, json and custom types get a schema typed with their value.
 */
export type ColumnZod<T> = unknown extends T
  ? z.ZodType<T, T>
  : [T] extends [string]
    ? string extends T
      ? z.ZodString
      : z.ZodType<T, T>
    : [T] extends [number]
      ? number extends T
        ? z.ZodNumber
        : z.ZodType<T, T>
      : [T] extends [bigint]
        ? bigint extends T
          ? z.ZodBigInt
          : z.ZodType<T, T>
        : [T] extends [boolean]
          ? boolean extends T
            ? z.ZodBoolean
            : z.ZodType<T, T>
          : [T] extends [Date]
            ? z.ZodDate
            : z.ZodType<T, T>

/**
 * Per column: a function that refines the column's schema (`(s) => s.email()`), or a schema that
 * replaces it. Nullability and optionality are added afterwards.
 *
 * The schema a function receives is chosen by the column's JS type, but json and custom columns
 * start from a schema of any JSON value (any value, for custom types) whatever their declared type:
 * give those a schema of their shape (`settings: z.object({ ... })`) rather than a function.
 */
export type Refinements<C extends ColumnMap> = {
  readonly [K in keyof C]?: ((schema: ColumnZod<C[K]['$value']>) => z.ZodType) | z.ZodType
}

/** Refinements of columns the schema lacks are type errors (and runtime errors). */
export type OnlyKeysOf<C, R> = { readonly [K in keyof R]: K extends keyof C ? unknown : never }

type Field<C extends ColumnMap, R, K extends keyof C> = K extends keyof R
  ? R[K] extends (schema: never) => infer S
    ? Extract<S, z.ZodType>
    : R[K] extends z.ZodType
      ? R[K]
      : ColumnZod<C[K]['$value']>
  : ColumnZod<C[K]['$value']>

type MaybeNull<Col extends AnyColumn, S extends z.ZodType> = 'notNull' extends Col['$flags']
  ? S
  : z.ZodNullable<S>

type Flat<T> = { [K in keyof T]: T[K] } & {}

export type SelectShape<C extends ColumnMap, R> = {
  [K in keyof C]: MaybeNull<C[K], Field<C, R, K>>
}

export type InsertShape<C extends ColumnMap, R> = Flat<
  { [K in RequiredKeys<C>]: Field<C, R, K> } & {
    [K in OptionalKeys<C>]: z.ZodOptional<MaybeNull<C[K], Field<C, R, K>>>
  }
>

export type UpdateShape<C extends ColumnMap, R> = {
  [K in RequiredKeys<C> | OptionalKeys<C>]: z.ZodOptional<MaybeNull<C[K], Field<C, R, K>>>
}
