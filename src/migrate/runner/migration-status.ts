import type { MigrationFile, MigrationFolder } from '../folder/migration-folder.js'
import type { JournalRow } from './journal.js'

/** How the journal and the folder relate, by migration name (each list in name order). */
export interface MigrationStatus {
  /** Finished migrations recorded in the journal. */
  readonly applied: string[]
  /** In the folder, not in the journal. */
  readonly pending: string[]
  /** In both, but up.sql or down.sql no longer has the checksum the journal recorded. */
  readonly edited: string[]
  /** In the journal, not in the folder. */
  readonly missing: string[]
  /** Pending, but sorting before the latest migration in the journal. */
  readonly outOfOrder: string[]
  /** Claimed by a runner and not finished (a no-transaction migration running, or interrupted). */
  readonly unfinished: string[]
}

/** Compares journal rows with the folder. Pure: no I/O. */
export function migrationStatus(
  journalRows: readonly (Pick<JournalRow, 'name' | 'checksum' | 'appliedAt'> & RecordedDown)[],
  folder: Pick<MigrationFolder, 'migrations'>,
): MigrationStatus {
  const files = new Map<string, MigrationFile>(folder.migrations.map((m) => [m.name, m]))
  const rows = [...journalRows].sort((a, b) => compareNames(a.name, b.name))
  const journalNames = new Set(rows.map((row) => row.name))
  const latest = rows.at(-1)?.name
  const pending = folder.migrations.map((m) => m.name).filter((name) => !journalNames.has(name))
  return {
    applied: rows.filter((row) => row.appliedAt !== null).map((row) => row.name),
    pending,
    edited: [...editedFilesByName(rows, folder).keys()],
    missing: rows.filter((row) => !files.has(row.name)).map((row) => row.name),
    outOfOrder: latest === undefined ? [] : pending.filter((name) => name < latest),
    unfinished: rows.filter((row) => row.appliedAt === null).map((row) => row.name),
  }
}

/** down.sql's checksum as the journal recorded it: null or absent in rows from before it did. */
interface RecordedDown {
  readonly downChecksum?: string | null
}

/**
 * The files of an applied migration that differ from what the journal recorded. down.sql counts
 * only where the journal recorded it: older rows hold up.sql's checksum alone and still verify.
 * A down.sql added since counts (it was not reviewed with the up.sql that ran).
 */
export function editedFiles(
  row: Pick<JournalRow, 'checksum'> & RecordedDown,
  file: Pick<MigrationFile, 'checksum' | 'down' | 'downChecksum'>,
): ('up.sql' | 'down.sql')[] {
  const edited: ('up.sql' | 'down.sql')[] = []
  if (row.checksum !== file.checksum) edited.push('up.sql')
  // A deleted down.sql is no risk (nothing can run it; `migrate down` says it is missing).
  if (row.downChecksum != null && file.down !== null && row.downChecksum !== file.downChecksum)
    edited.push('down.sql')
  return edited
}

/** For each applied migration of the folder that was edited, which of its files changed. */
export function editedFilesByName(
  journalRows: readonly (Pick<JournalRow, 'name' | 'checksum'> & RecordedDown)[],
  folder: Pick<MigrationFolder, 'migrations'>,
): Map<string, ('up.sql' | 'down.sql')[]> {
  const files = new Map<string, MigrationFile>(folder.migrations.map((m) => [m.name, m]))
  const edited = new Map<string, ('up.sql' | 'down.sql')[]>()
  for (const row of journalRows) {
    const file = files.get(row.name)
    const changed = file === undefined ? [] : editedFiles(row, file)
    if (changed.length > 0) edited.set(row.name, changed)
  }
  return edited
}

/** Byte order, the order migrations apply in (and the journal's "C" collation). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
