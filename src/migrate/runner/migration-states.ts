import type { MigrationFolder } from '../folder/migration-folder.js'
import type { JournalRow } from './journal.js'
import { compareNames, migrationStatus } from './migration-status.js'

/** One migration's state, as `status --json` prints it. */
export interface MigrationState {
  readonly name: string
  readonly state: 'applied' | 'pending' | 'edited' | 'missing' | 'out-of-order' | 'unfinished'
  /** When it finished applying (ISO 8601), for applied, edited and missing migrations. */
  readonly appliedAt: string | null
}

/**
 * Every migration of the folder and the journal, in name order, each with the one state that
 * matters most (a broken state wins over applied or pending). Pure: no I/O.
 */
export function migrationStates(
  rows: readonly JournalRow[],
  folder: Pick<MigrationFolder, 'migrations'>,
): MigrationState[] {
  const status = migrationStatus(rows, folder)
  const appliedAt = new Map(rows.map((row) => [row.name, row.appliedAt?.toISOString() ?? null]))
  const stateOf = (name: string): MigrationState['state'] => {
    if (status.unfinished.includes(name)) return 'unfinished'
    if (status.missing.includes(name)) return 'missing'
    if (status.edited.includes(name)) return 'edited'
    if (status.outOfOrder.includes(name)) return 'out-of-order'
    if (status.pending.includes(name)) return 'pending'
    return 'applied'
  }
  const names = [...new Set([...folder.migrations.map((m) => m.name), ...rows.map((r) => r.name)])].sort(
    compareNames,
  )
  return names.map((name) => ({ name, state: stateOf(name), appliedAt: appliedAt.get(name) ?? null }))
}
