import type { Database } from '../../database/database.js'
import { MigrationHistoryError } from '../folder/migration-errors.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import { ACCEPT_EDITED_FLAG } from './history-check.js'
import type { JournalOptions } from './journal.js'
import { lockJournal } from './journal-lock.js'
import { updateChecksum } from './journal-writes.js'
import type { MigrationStatus } from './migration-status.js'

/** The names given to accept as deliberately edited; each must be an applied migration of the folder. */
export function acceptedEdits(
  status: MigrationStatus,
  folder: MigrationFolder,
  names: readonly string[] | undefined,
): ReadonlySet<string> {
  const accepted = new Set(names ?? [])
  for (const name of accepted) {
    if (!status.applied.includes(name) || !folder.migrations.some((m) => m.name === name))
      throw new MigrationHistoryError(
        `${ACCEPT_EDITED_FLAG} ${name}: no applied migration of the folder has that name`,
        [name],
      )
  }
  return accepted
}

/** The journal takes the current checksums of the accepted edited migrations. */
export async function recordAcceptedEdits(
  db: Database,
  journal: JournalOptions,
  status: MigrationStatus,
  folder: MigrationFolder,
  accepted: ReadonlySet<string>,
): Promise<void> {
  for (const name of status.edited.filter((n) => accepted.has(n))) {
    const migration = folder.migrations.find((m) => m.name === name)!
    await db.transaction(async (tx) => {
      await lockJournal(tx, journal)
      await updateChecksum(tx, journal, name, migration)
    })
  }
}
