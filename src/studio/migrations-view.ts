import type { Queryable } from '../database/database.js'
import type { Hazard } from '../diff/changes.js'
import { declaredHazards } from '../migrate/folder/declared-hazards.js'
import { readMigrationFolder } from '../migrate/folder/migration-folder.js'
import { type JournalOptions, readJournal } from '../migrate/runner/journal.js'
import { type MigrationState, migrationStates } from '../migrate/runner/migration-states.js'

export interface MigrationView extends MigrationState {
  /** What the up.sql declares it risks (the header `tidemark generate` writes). */
  readonly hazards: readonly Hazard[]
  /** The up.sql text, or null when the file is missing. */
  readonly up: string | null
}

/** Every migration with its state in the live database (as `tidemark status`) and its hazards. */
export async function readMigrationsView(
  db: Queryable,
  options: { migrations: string; journal: JournalOptions },
): Promise<MigrationView[]> {
  // Read on each request, so a migration written while the studio runs shows up on reload.
  const folder = await readMigrationFolder(options.migrations, { allowMissing: true })
  const rows = await readJournal(db, options.journal)
  const files = new Map(folder.migrations.map((m) => [m.name, m]))
  return migrationStates(rows, folder).map((state) => {
    const up = files.get(state.name)?.up ?? null
    return { ...state, hazards: up === null ? [] : declaredHazards(up), up }
  })
}
