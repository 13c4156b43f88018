import type { AnyColumn } from '../schema/column.js'

/**
 * A relation declared by hand: where foreign keys alone do not say it (a self-reference, two keys
 * to the same table, a many-to-many through a junction table, a key declared at table level) or
 * to give it another name. Type-only parameters carry the tables at both ends.
 */
export interface RelationDeclaration<
  Kind extends 'one' | 'many' = 'one' | 'many',
  Local extends string = string,
  Target extends string = string,
  Nullable extends boolean = boolean,
> {
  readonly kind: Kind
  /** The column of the table the relation starts from. */
  readonly local: AnyColumn
  /** The column of the related table that equals `local` (or the junction's target-side column). */
  readonly remote: AnyColumn
  /** For many-to-many: the junction table's column matching `local`, then the one matching `remote`. */
  readonly through: readonly [AnyColumn, AnyColumn] | undefined
  readonly nullable: boolean
  /** Type-only. */
  readonly $relation?: { readonly local: Local; readonly target: Target; readonly nullable: Nullable }
}

type TableOf<C> = C extends { readonly $table: infer N extends string } ? N : string
type IsNotNull<C> = C extends { readonly $flags: infer F } ? ('notNull' extends F ? true : false) : false

/**
 * At most one related row: the row of `remote`'s table whose `remote` equals this row's `local`.
 * Its value is nullable unless `local` is NOT NULL (which promises the row exists when `local` is a
 * foreign key); pass `{ nullable: true }` when the row may be missing anyway.
 *
 * @example
 * relations: { categories: { parent: one(categories.parentId, categories.id) } }
 */
export function one<L extends AnyColumn, R extends AnyColumn>(
  local: L,
  remote: R,
): RelationDeclaration<'one', TableOf<L>, TableOf<R>, Not<IsNotNull<L>>>
export function one<L extends AnyColumn, R extends AnyColumn, const N extends boolean>(
  local: L,
  remote: R,
  options: { readonly nullable: N },
): RelationDeclaration<'one', TableOf<L>, TableOf<R>, N>
export function one(
  local: AnyColumn,
  remote: AnyColumn,
  options: { readonly nullable?: boolean } = {},
): RelationDeclaration<'one'> {
  // local?. so that a missing column reaches declaration()'s error rather than a TypeError here.
  return declaration('one', local, remote, undefined, options.nullable ?? !local?.config?.notNull)
}

type Not<B extends boolean> = B extends true ? false : true

/**
 * Every related row: the rows of `remote`'s table whose `remote` equals this row's `local`; with
 * `through`, the rows reached through a junction table (`through: [junction.localSide, junction.remoteSide]`).
 *
 * @example
 * relations: {
 *   categories: { children: many(categories.id, categories.parentId) },
 *   posts: { tags: many(posts.id, tags.id, { through: [postTags.postId, postTags.tagId] }) },
 * }
 */
export function many<L extends AnyColumn, R extends AnyColumn>(
  local: L,
  remote: R,
  options: { readonly through?: readonly [AnyColumn, AnyColumn] } = {},
): RelationDeclaration<'many', TableOf<L>, TableOf<R>, false> {
  return declaration('many', local, remote, options.through, false)
}

function declaration<K extends 'one' | 'many'>(
  kind: K,
  local: AnyColumn,
  remote: AnyColumn,
  through: readonly [AnyColumn, AnyColumn] | undefined,
  nullable: boolean,
): RelationDeclaration<K, never, never, never> {
  for (const column of [local, remote, ...(through ?? [])]) {
    if (column?.table === undefined) {
      throw new TypeError(`${kind}() takes columns of tables (e.g. users.id), got ${describe(column)}`)
    }
  }
  return Object.freeze({ kind, local, remote, through, nullable })
}

function describe(value: unknown): string {
  return value === undefined
    ? 'undefined'
    : typeof value === 'object'
      ? 'a column not bound to a table'
      : typeof value
}
