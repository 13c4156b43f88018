import type { AnyColumn } from '../schema/column.js'
import type { SelectValue } from '../schema/infer.js'
import { Expr } from './expr.js'

/**
 * The value an insert proposed for a column, inside `onConflictDoUpdate`: `excluded."column"`.
 *
 * @example
 * .onConflictDoUpdate({ target: users.email, set: { name: excluded(users.name) } })
 */
export function excluded<C extends AnyColumn>(column: C): Expr<SelectValue<C>, never> {
  return new Expr({ kind: 'excluded', column }, column.config.type.decode, column.config.type.encode)
}
