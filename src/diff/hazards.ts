import { entryOf } from './change-kinds.js'
import type { ChangeBody, Hazard } from './changes.js'

/**
 * What can go wrong when a change runs. `existingTables` holds `schema.name` of the tables that exist
 * before the plan runs, `keptViews` the views there before that the plan does not rebuild: building an
 * index on a table or materialized view created in the same migration locks nothing anyone waits for.
 */
export function hazardsOf(
  change: ChangeBody,
  existingTables: ReadonlySet<string>,
  keptViews: ReadonlySet<string> = new Set(),
): Hazard[] {
  return entryOf(change).hazards(change, {
    existing: (table) => existingTables.has(`${table.schema}.${table.name}`),
    keptView: (view) => keptViews.has(`${view.schema}.${view.name}`),
  })
}
