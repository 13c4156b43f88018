import { objectKey as key } from '../model/object-key.js'
import type { DefinedObjectModel, SchemaModel, TableModel } from '../model/types.js'
import type { ChangeBody } from './changes.js'
import { callsRoutine } from './defined-objects.js'
import type { TableDiff } from './table-diff.js'

/** What must step aside while routines are dropped and created again, and come back after. */
export interface RoutineDependents {
  /** Views (`schema.name`) whose query calls such a routine: rebuilt. */
  readonly views: ReadonlySet<string>
  /** Policies dropped, defaults removed and checks dropped, before the routines are dropped. */
  readonly before: ChangeBody[]
  /** The same put back as the target has them, after the routines are created again. */
  readonly after: ChangeBody[]
}

/**
 * A routine whose result or argument names change cannot be replaced in place: PostgreSQL drops it
 * and creates it again, and refuses the drop while a view, policy, column default or check calls
 * it. Those are taken down first and put back after, unless the table's own diff already changes
 * them. (Index expressions and generated columns that call it are not handled: the drop fails and
 * the migration rolls back.)
 */
export function routineDependents(
  recreated: readonly DefinedObjectModel[],
  source: SchemaModel,
  to: SchemaModel,
  tableDiffs: readonly TableDiff[],
): RoutineDependents {
  if (recreated.length === 0) return { views: new Set(), before: [], after: [] }
  const calls = (text: string | null): boolean => recreated.some((routine) => callsRoutine(text, routine))
  const views = new Set(source.views.filter((v) => calls(v.definition)).map(key))
  const before: ChangeBody[] = []
  const after: ChangeBody[] = []
  const targets = new Map(to.tables.map((t) => [key(t), t]))
  const sources = new Map(source.tables.map((t) => [key(t), t]))
  for (const d of tableDiffs) {
    const current = sources.get(key(d.table))
    const target = targets.get(key(d.table))
    if (current === undefined || target === undefined) continue
    const touched = touchedBy(d)
    for (const policy of current.policies) {
      if (touched.policies.has(policy.name) || !(calls(policy.using) || calls(policy.withCheck))) continue
      const again = target.policies.find((p) => p.name === policy.name)
      before.push({ kind: 'drop-policy', table: d.table, policy, recreated: again !== undefined })
      if (again !== undefined) after.push({ kind: 'create-policy', table: d.table, policy: again })
    }
    for (const column of current.columns) {
      if (touched.columns.has(column.name) || !calls(column.default)) continue
      before.push({ kind: 'set-column-default', table: d.table, column: column.name, default: null })
      const again = columnDefault(target, column.name)
      if (again !== null)
        after.push({ kind: 'set-column-default', table: d.table, column: column.name, default: again })
    }
    for (const check of current.checks) {
      if (touched.checks.has(check.name) || !calls(check.expression)) continue
      before.push({ kind: 'drop-check', table: d.table, check })
      const again = target.checks.find((c) => c.name === check.name)
      if (again !== undefined) after.push({ kind: 'add-check', table: d.table, check: again })
    }
  }
  return { views, before, after }
}

/** The policies, columns and checks a table's own diff already changes. */
function touchedBy(d: TableDiff): { policies: Set<string>; columns: Set<string>; checks: Set<string> } {
  const policies = new Set<string>()
  const columns = new Set<string>()
  const checks = new Set<string>()
  const changes = [
    ...d.policies.drop,
    ...d.policies.createOrAlter,
    ...d.dropColumns,
    ...d.alterColumns,
    ...d.dropConstraints,
    ...d.addConstraints,
  ]
  for (const c of changes) {
    if (c.kind === 'drop-policy' || c.kind === 'create-policy') policies.add(c.policy.name)
    else if (c.kind === 'alter-policy') policies.add(c.to.name)
    else if (c.kind === 'drop-check' || c.kind === 'add-check') checks.add(c.check.name)
    else if ('column' in c) columns.add(typeof c.column === 'string' ? c.column : c.column.name)
    else if (c.kind === 'alter-column-type') columns.add(c.to.name)
  }
  return { policies, columns, checks }
}

function columnDefault(table: TableModel, name: string): string | null {
  return table.columns.find((c) => c.name === name)?.default ?? null
}
