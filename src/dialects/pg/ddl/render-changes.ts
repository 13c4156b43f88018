import type { ChangeBody } from '../../../diff/changes.js'
import { changeRenderers } from './change-renderers.js'
import { readsTablesAtCreation } from './render-defined-objects.js'

/**
 * The PostgreSQL statements for a list of changes, in order, each without a trailing semicolon.
 * Every identifier is quoted; expressions are written as the changes carry them.
 *
 * @example
 * const changes = diff(await introspect(db), toModel(schema))
 * for (const statement of renderChanges(changes)) await db.execute(sql.raw(statement))
 */
export function renderChanges(changes: readonly ChangeBody[]): string[] {
  const statements: string[] = []
  let bodiesUnchecked = false
  for (const change of changes) {
    // As pg_dump does: a SQL function's body may read tables created later in the same migration
    // (or that read it in their defaults); PostgreSQL checked every body when generate loaded it.
    if (
      !bodiesUnchecked &&
      (change.kind === 'create-function' || change.kind === 'create-procedure') &&
      readsTablesAtCreation(change.object)
    ) {
      statements.push('SET LOCAL check_function_bodies = off')
      bodiesUnchecked = true
    }
    statements.push(...renderChange(change))
  }
  return statements
}

/** The statements of one change (its family's renderer in `families/`). */
export function renderChange(change: ChangeBody): string[] {
  // Each kind's renderer takes the change of that kind; TypeScript cannot follow the pairing
  // through an index by a union-typed key, so it is restated here, once.
  const render = changeRenderers[change.kind] as (change: ChangeBody) => string[]
  return render(change)
}
