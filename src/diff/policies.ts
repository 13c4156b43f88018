import type { PolicyModel, TableModel } from '../model/types.js'
import type { ChangeBody, ObjectRef } from './changes.js'
import { deepEqual } from './equal.js'

/** What becomes of a table's policies: dropped first (before the columns they read), the rest last. */
export interface PolicyDiff {
  readonly drop: ChangeBody[]
  readonly createOrAlter: ChangeBody[]
}

/**
 * Compares the policies of one table. ALTER POLICY changes roles and expressions in place; a change
 * of command or of permissive / restrictive, an expression removed, or an expression that reads a
 * column the plan drops or reshapes (PostgreSQL refuses both while the policy stands) is a drop and
 * a create. A name change is a drop and a create too.
 */
export function diffPolicies(
  from: TableModel,
  to: TableModel,
  changedColumns: ReadonlySet<string>,
): PolicyDiff {
  const table: ObjectRef = { schema: to.schema, name: to.name }
  const target = new Map(to.policies.map((p) => [p.name, p]))
  const drop: ChangeBody[] = []
  const createOrAlter: ChangeBody[] = []
  const rebuilt = new Set<string>()
  const comments: ChangeBody[] = []
  for (const policy of from.policies) {
    const wanted = target.get(policy.name)
    // A comment is set in place (COMMENT ON POLICY), whatever else stays or is altered.
    const kept = (): void => {
      if (wanted === undefined || wanted.comment === policy.comment) return
      const name = wanted.name
      comments.push({
        kind: 'set-policy-comment',
        table,
        policy: name,
        from: policy.comment,
        to: wanted.comment,
      })
    }
    if (wanted !== undefined && deepEqual({ ...policy, comment: null }, { ...wanted, comment: null })) {
      kept()
      continue
    }
    if (wanted !== undefined && alterable(policy, wanted) && !reads(policy, changedColumns)) {
      createOrAlter.push({ kind: 'alter-policy', table, from: policy, to: wanted })
      kept()
      continue
    }
    drop.push({ kind: 'drop-policy', table, policy, recreated: wanted !== undefined })
    if (wanted !== undefined) rebuilt.add(policy.name)
  }
  const existing = new Set(from.policies.map((p) => p.name))
  for (const policy of to.policies) {
    if (!existing.has(policy.name) || rebuilt.has(policy.name))
      createOrAlter.push({ kind: 'create-policy', table, policy })
  }
  return { drop, createOrAlter: [...createOrAlter, ...comments] }
}

function alterable(from: PolicyModel, to: PolicyModel): boolean {
  return (
    from.command === to.command &&
    from.permissive === to.permissive &&
    (from.using === null || to.using !== null) &&
    (from.withCheck === null || to.withCheck !== null)
  )
}

/** Whether an expression names one of the columns, bare or quoted (a conservative reading). */
function reads(policy: PolicyModel, columns: ReadonlySet<string>): boolean {
  const text = `${policy.using ?? ''} ${policy.withCheck ?? ''}`
  for (const column of columns) {
    const bare = new RegExp(`(^|[^\\w".])${column.replace(/\W/g, '\\$&')}($|[^\\w"])`, 'i')
    if (text.includes(`"${column.replaceAll('"', '""')}"`) || bare.test(text)) return true
  }
  return false
}
