import type { SelectMode } from './result-types.js'

/**
 * Which tables a selection reads. Fields are given before `from()` and joins add tables later, so a
 * select cannot check them when they are given; it compares this union with the tables it reads
 * once it is finished (awaited, executed, compiled or nested in another query).
 */
export type SelectedTables<S> = FieldTables<S[keyof S]>

/**
 * A column reads its table, an expression its sources (`count(posts.id)` reads posts; `scalar()`
 * and `outer()` read none of the enclosing query's tables), a whole table or subquery its name, a
 * nested object what its fields read. `sql` fragments read none: they are not checked.
 *
 * Distributes over the union of field types, and reads names by indexed access rather than
 * `infer`: both keep the check cheap for the type checker (see the type-check benchmark).
 */
type FieldTables<F> = F extends { readonly $table: string }
  ? F['$table']
  : F extends { readonly $src: string }
    ? F['$src']
    : F extends { readonly $name: string }
      ? F['$name']
      : F extends { readonly $value: unknown }
        ? never
        : FieldTables<F[keyof F]>

/** The tables an explicit selection reads that the query does not; `never` once every one is joined. */
export type NotInQuery<S, M extends SelectMode, TNames extends string> = M extends 'partial'
  ? Exclude<SelectedTables<S>, TNames>
  : never

/**
 * The `this` of the methods that need the finished query. A string, not an object type, because
 * `await` reports only the two types it could not match: the message is the error users read.
 * A flat selection of columns, the common case, is settled by its first test alone.
 */
export type Finished<S, M extends SelectMode, TNames extends string> = M extends 'partial'
  ? S[keyof S] extends { readonly $table: TNames }
    ? unknown
    : SelectedTables<S> extends TNames
      ? unknown
      : `select: a field reads ${Exclude<SelectedTables<S>, TNames>}, which is not part of this query; add it with from() or a join`
  : unknown
