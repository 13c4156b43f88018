/**
 * Relations and result rows as types. Relations come from the `ref:<table>` flag `references()`
 * leaves on a column type and from declared relations; everything is computed per table on use,
 * so a large schema costs only for the tables a query touches.
 */
import type { ConditionOver, Expr } from '../query/expr.js'
import type { OrderArg } from '../query/select.js'
import type { AnyColumn } from '../schema/column.js'
import type { SelectValue } from '../schema/infer.js'
import type { AnyTable, ColumnMap, tableColumns } from '../schema/table.js'
import type { SQL } from '../sql/sql.js'
import type { RelationDeclaration } from './relation.js'

type ColumnsOf<T> = T extends { readonly [tableColumns]: infer C extends ColumnMap } ? C : never
type TableName<T> = T extends { readonly $name: infer N extends string } ? N : never
type Flat<T> = { [K in keyof T]: T[K] } & {}

/** The keys of a schema object that hold tables (other exports are ignored). */
export type TableKeys<S> = { [K in keyof S]: S[K] extends AnyTable ? K : never }[keyof S] & string

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never
/** U when it is exactly one type, else never. */
type Single<U> = [U] extends [never] ? never : true extends IsUnion<U> ? never : U

type RefOf<F> = F extends `ref:${infer N}` ? N : never
/** The table name a column's foreign key points to (never without one, string when unknown). */
type RefTarget<C> = C extends { readonly $flags: infer F } ? RefOf<F> : never

/** A foreign key's target table name, when the type records one (not for annotated thunks). */
type KnownRef<C> = RefTarget<C> extends infer N ? (string extends N ? never : N) : never

// Indexes built once per schema and read by key, so that what a table costs does not grow with
// the number of tables in the schema (a lookup by `keyof` over a renamed mapped type does).

/** Table name to schema key. */
type KeysByName<S> = { [K in TableKeys<S> as TableName<S[K]>]: K }

/** The schema key of the table with this SQL name. */
type KeyOfName<S, N> = string extends N
  ? never
  : KeysByName<S> extends { readonly [P in N & string]: infer K }
    ? K
    : never

/** The tables that have a foreign key, by name of the table it points to. */
type Referrers<S> = {
  [K2 in TableKeys<S> as { [C in keyof ColumnsOf<S[K2]>]: KnownRef<ColumnsOf<S[K2]>[C]> }[keyof ColumnsOf<
    S[K2]
  >] &
    string]: K2
}

type ReferrersOf<S, N> = Referrers<S> extends { readonly [P in N & string]: infer R } ? R : never

/** `authorId` and `author_id` name the relation `author`. */
type OneName<C> = C extends `${infer B}Id`
  ? B extends ''
    ? never
    : B
  : C extends `${infer B}_id`
    ? B extends ''
      ? never
      : B
    : never

export interface OneRelation<T extends string, Nullable extends boolean> {
  readonly kind: 'one'
  readonly target: T
  readonly nullable: Nullable
}

export interface ManyRelation<T extends string> {
  readonly kind: 'many'
  readonly target: T
}

type OneTarget<S, K, C> =
  RefTarget<ColumnsOf<S[K & keyof S]>[C & keyof ColumnsOf<S[K & keyof S]>]> extends infer N
    ? [N] extends [never]
      ? never
      : string extends N
        ? never
        : Exclude<Single<KeyOfName<S, N>>, K>
    : never

type OneKey<S, K, C> = [OneTarget<S, K, C>] extends [never]
  ? never
  : OneName<C> extends infer R extends string
    ? R extends keyof ColumnsOf<S[K & keyof S]>
      ? never
      : R
    : never

type InferredOne<S, K extends keyof S> = {
  [C in keyof ColumnsOf<S[K]> as OneKey<S, K, C>]: OneRelation<
    OneTarget<S, K, C> & string,
    'notNull' extends ColumnsOf<S[K]>[C]['$flags'] ? false : true
  >
}

/** The columns of table K2 whose foreign key points to the table named N. */
type RefColumnsTo<S, K2 extends keyof S, N> = {
  [C in keyof ColumnsOf<S[K2]>]: N extends KnownRef<ColumnsOf<S[K2]>[C]> ? C : never
}[keyof ColumnsOf<S[K2]>]

type ManyKey<S, K extends keyof S, K2 extends keyof S> = K2 extends K
  ? never
  : [Single<RefColumnsTo<S, K2, TableName<S[K]>>>] extends [never]
    ? never
    : K2 extends keyof ColumnsOf<S[K]>
      ? never
      : K2

type InferredMany<S, K extends keyof S> = {
  [K2 in ReferrersOf<S, TableName<S[K]>> & TableKeys<S> as ManyKey<S, K, K2>]: ManyRelation<K2>
}

type Declared<S, R, K> = K extends keyof R ? { [N in keyof R[K]]: DeclaredRelation<S, R[K][N]> } : {}

type DeclaredRelation<S, D> =
  D extends RelationDeclaration<infer Kind, string, infer Target, infer Nullable>
    ? Single<KeyOfName<S, Target>> extends infer T extends string
      ? Kind extends 'one'
        ? OneRelation<T, Nullable>
        : ManyRelation<T>
      : never
    : never

type Clash<S, K extends keyof S> = keyof InferredOne<S, K> & keyof InferredMany<S, K>

/**
 * The relations of table K: inferred from foreign keys (names taken twice are left out, as at
 * run time), then the declared ones, which win.
 */
export type Relations<S, R, K extends keyof S> = Omit<
  InferredOne<S, K> & InferredMany<S, K>,
  Clash<S, K> | keyof Declared<S, R, K>
> &
  Declared<S, R, K>

type TargetOf<Rel> = Rel extends { readonly target: infer T } ? T : never

/** What `findMany` / `findFirst` and every level of `with` accept. */
export interface FindConfig<S, R, K extends keyof S> extends OneConfig<S, R, K> {
  readonly limit?: number
  readonly offset?: number
}

/** A one-relation's level: the same without limit and offset. */
export interface OneConfig<S, R, K extends keyof S> {
  /** Columns to read: `{ id: true, name: true }` only those, `{ password: false }` all but those. */
  readonly columns?: { readonly [C in keyof ColumnsOf<S[K]>]?: boolean }
  /** Computed values: expressions over this table (`count()`, `sql<number>\`...\``), read as JSON unless they have a decoder. */
  readonly extras?: Readonly<
    Record<string, Expr<unknown, TableName<S[K]>> | SQL | (AnyColumn & { readonly $table: TableName<S[K]> })>
  >
  readonly where?: ConditionOver<TableName<S[K]>>
  readonly orderBy?: OrderArg<TableName<S[K]>> | readonly OrderArg<TableName<S[K]>>[]
  /** Related rows to load, to any depth: `true` for all their columns, or a config of their own. */
  readonly with?: {
    readonly [N in keyof Relations<S, R, K>]?: true | LevelConfig<S, R, Relations<S, R, K>[N]>
  }
}

type LevelConfig<S, R, Rel> = Rel extends { readonly kind: 'one'; readonly target: infer T extends keyof S }
  ? OneConfig<S, R, T>
  : FindConfig<S, R, TargetOf<Rel> & keyof S>

type ConfigKey = keyof FindConfig<unknown, unknown, never>

/** The config as written, with every key the table, its columns or its relations lack turned into never. */
export type KnownKeys<S, R, K extends keyof S, C> = {
  [P in keyof C]: P extends 'columns'
    ? { [X in keyof C[P]]: X extends keyof ColumnsOf<S[K]> ? C[P][X] : never }
    : P extends 'with'
      ? {
          [N in keyof C[P]]: N extends keyof Relations<S, R, K>
            ? C[P][N] extends true
              ? true
              : KnownLevelKeys<S, R, Relations<S, R, K>[N], C[P][N]>
            : never
        }
      : P extends ConfigKey
        ? C[P]
        : never
}

/** KnownKeys for a relation's level: a one-relation takes no limit or offset. */
type KnownLevelKeys<S, R, Rel, C> = Rel extends {
  readonly kind: 'one'
  readonly target: infer T extends keyof S
}
  ? KnownKeys<S, R, T, C> & { readonly [P in keyof C & ('limit' | 'offset')]: never }
  : KnownKeys<S, R, TargetOf<Rel> & keyof S, C>

type SelectedColumns<Cols extends ColumnMap, Sel> = [Sel] extends [undefined]
  ? { [C in keyof Cols]: SelectValue<Cols[C]> }
  : true extends Sel[keyof Sel]
    ? {
        [C in keyof Cols as C extends keyof Sel ? (Sel[C] extends true ? C : never) : never]: SelectValue<
          Cols[C]
        >
      }
    : {
        [C in keyof Cols as C extends keyof Sel ? (Sel[C] extends false ? never : C) : C]: SelectValue<
          Cols[C]
        >
      }

type ExtrasOf<C> = C extends { readonly extras: infer E }
  ? {
      // A column as the column is read (SelectValue adds null for a nullable one); else the expression's value.
      [X in keyof E]: E[X] extends AnyColumn
        ? SelectValue<E[X]>
        : E[X] extends { readonly $value: infer V }
          ? V
          : unknown
    }
  : {}

type WithOf<S, R, K extends keyof S, C> = C extends { readonly with: infer W }
  ? { [N in keyof W]: RelationValue<S, R, Relations<S, R, K>[N & keyof Relations<S, R, K>], W[N]> }
  : {}

type RelationValue<S, R, Rel, W> =
  Rel extends ManyRelation<infer T extends keyof S & string>
    ? FindRow<S, R, T, W extends true ? {} : W>[]
    : Rel extends OneRelation<infer T extends keyof S & string, infer Nullable>
      ?
          | FindRow<S, R, T, W extends true ? {} : W>
          | (Nullable extends true ? null : W extends { readonly where: unknown } ? null : never)
      : never

/** A row as a find config asks for it: chosen columns, extras, and the relations under `with`. */
export type FindRow<S, R, K extends keyof S, C> = Flat<
  SelectedColumns<ColumnsOf<S[K]>, C extends { readonly columns: infer Sel } ? Sel : undefined> &
    ExtrasOf<C> &
    WithOf<S, R, K, C>
>
