import type { SQL } from '../sql/sql.js'

/**
 * One value of a partition bound: a literal (strings, numbers, bigints and Dates are written as SQL
 * literals) or SQL, such as sql`MINVALUE` and sql`MAXVALUE` in a range bound.
 */
export type PartitionBoundValue = string | number | bigint | Date | SQL

/** A value, or one value per key column for a key of several columns. */
type RangeEdge = PartitionBoundValue | readonly PartitionBoundValue[]

/**
 * Which rows a partition holds: `{ from, to }` for a range key (from included, to excluded),
 * `{ in: [...] }` for a list key (null for the NULL key), `{ modulus, remainder }` for a hash key,
 * `{ default: true }` for the rows no other partition of a range or list key takes.
 */
export type PartitionBound =
  | { readonly from: RangeEdge; readonly to: RangeEdge }
  | { readonly in: readonly (PartitionBoundValue | null)[] }
  | { readonly modulus: number; readonly remainder: number }
  | { readonly default: true }
