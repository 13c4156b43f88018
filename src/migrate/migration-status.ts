import type { JournalRow } from './journal.js'
import type { MigrationFile, MigrationFolder } from './migration-folder.js'

/** How the journal and the folder relate, by migration name (each list in name order). */
export interface MigrationStatus {
  /** Finished migrations recorded in the journal. */
  readonly applied: string[]
  /** In the folder, not in the journal. */
  readonly pending: string[]
  /** In both, but up.sql no longer has the checksum the journal recorded. */
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
  journalRows: readonly Pick<JournalRow, 'name' | 'checksum' | 'appliedAt'>[],
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
    edited: rows
      .filter((row) => files.has(row.name) && files.get(row.name)!.checksum !== row.checksum)
      .map((row) => row.name),
    missing: rows.filter((row) => !files.has(row.name)).map((row) => row.name),
    outOfOrder: latest === undefined ? [] : pending.filter((name) => name < latest),
    unfinished: rows.filter((row) => row.appliedAt === null).map((row) => row.name),
  }
}

/** Byte order, the order migrations apply in (and the journal's "C" collation). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
