/**
 * What can go wrong when a change runs against a database with data and traffic:
 * - `data-loss`: rows or values disappear (drop table or column, narrowing type change, enum value removal)
 * - `table-rewrite`: PostgreSQL rewrites the whole table under an exclusive lock
 * - `long-lock`: a lock is held while the table is scanned or an index is built
 * - `breaking`: a running application that still uses the old shape fails (renames, dropped views)
 * - `security`: rows become visible or writable to roles that could not reach them before (row-level
 *   security disabled or no longer forced, a policy dropped)
 */
export type HazardKind = 'data-loss' | 'table-rewrite' | 'long-lock' | 'breaking' | 'security'

export interface Hazard {
  readonly kind: HazardKind
  readonly message: string
}

/** What carries storage parameters. */
export type StorageTarget = 'table' | 'index' | 'view' | 'materialized view'

/** A table, enum, sequence or view by schema and name. */
export interface ObjectRef {
  readonly schema: string
  readonly name: string
}

/** A column whose type is an enum being rebuilt, with what the rebuild must restore. */
export interface EnumColumnUse {
  readonly table: ObjectRef
  readonly column: string
  readonly dimensions: number
  /** The column has a default before the move (it is dropped first: it names the old type). */
  readonly hadDefault: boolean
  /** The default after the move. */
  readonly default: string | null
}

/**
 * A column on a domain or composite type that is rebuilt: it steps off the type (to the domain's
 * old base type, or to text for a composite), and, when `back`, returns to the new type.
 */
export interface TypeColumnUse extends EnumColumnUse {
  /** The column is still on the type after the plan (otherwise a later change gives it its new type). */
  readonly back: boolean
}
