import { objectKey as key } from '../model/object-key.js'
import type { SequenceModel, TableModel } from '../model/types.js'
import type { ChangeBody } from './changes.js'
import { deepEqual as same } from './equal.js'
import type { TableDiff } from './table-diff.js'

/**
 * Sequences to create (before the tables whose defaults use them), to own (after those tables exist)
 * and to drop. A sequence owned by a dropped table or column goes with it, so it is not dropped again;
 * one that only changed its name (a renamed table's serial) is renamed.
 */
export function diffSequences(
  from: readonly SequenceModel[],
  to: readonly SequenceModel[],
  droppedTables: readonly TableModel[],
  tableDiffs: readonly TableDiff[],
): { create: ChangeBody[]; owners: ChangeBody[]; drop: ChangeBody[] } {
  const targets = new Map(to.map((s) => [key(s), s]))
  const sources = new Map(from.map((s) => [key(s), s]))
  const create: ChangeBody[] = []
  const owners: ChangeBody[] = []
  const drop: ChangeBody[] = []
  const droppedTableKeys = new Set(droppedTables.map(key))
  const droppedColumns = new Set(
    tableDiffs.flatMap((d) =>
      d.dropColumns.flatMap((c) => (c.kind === 'drop-column' ? [`${key(d.table)}.${c.column.name}`] : [])),
    ),
  )
  // Dropping a table or column drops the sequences it owns.
  const droppedWithOwner = (s: SequenceModel): boolean =>
    s.ownedBy !== null &&
    (droppedTableKeys.has(`${s.schema}.${s.ownedBy.table}`) ||
      droppedColumns.has(`${s.schema}.${s.ownedBy.table}.${s.ownedBy.column}`))

  const gone = from.filter((s) => !targets.has(key(s)))
  const added = to.filter((s) => !sources.has(key(s)))
  const strip = ({ name: _name, ...rest }: SequenceModel) => rest
  for (const target of added) {
    const renamed = gone.find((g) => !droppedWithOwner(g) && same(strip(g), strip(target)))
    if (renamed !== undefined) {
      gone.splice(gone.indexOf(renamed), 1)
      create.push({ kind: 'rename-sequence', schema: target.schema, from: renamed.name, to: target.name })
      continue
    }
    create.push({ kind: 'create-sequence', sequence: { ...target, ownedBy: null } })
    if (target.ownedBy !== null) owners.push({ kind: 'set-sequence-owner', sequence: target })
  }
  for (const target of to) {
    const current = sources.get(key(target))
    if (current === undefined) continue
    const { ownedBy: currentOwner, ...currentRest } = current
    const { ownedBy: targetOwner, ...targetRest } = target
    if (!same(currentRest, targetRest)) create.push({ kind: 'alter-sequence', from: current, to: target })
    if (!same(currentOwner, targetOwner) || (targetOwner !== null && droppedWithOwner(current))) {
      owners.push({ kind: 'set-sequence-owner', sequence: target })
    }
  }
  for (const s of gone) if (!droppedWithOwner(s)) drop.push({ kind: 'drop-sequence', sequence: s })
  return { create, owners, drop }
}
