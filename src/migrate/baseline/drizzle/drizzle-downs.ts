import { introspect } from '../../../dialects/pg/introspect/index.js'
import { diff } from '../../../diff/diff.js'
import { downChecksum } from '../../folder/checksum.js'
import { isNoTransaction, type MigrationFile } from '../../folder/migration-folder.js'
import { migrationText } from '../../generate/migration-text.js'
import { replayMigrations } from '../../replay/replay-migrations.js'
import { openShadow, type ShadowOptions } from '../../replay/shadow.js'
import type { JournalOptions } from '../../runner/journal.js'

/**
 * Gives each converted migration the down.sql `generate` would have written: the migrations are
 * replayed one by one into a shadow database, and each down turns what a migration built back into
 * what stood before it. A migration that changes no schema (data only) gets none: what would undo
 * it is the author's to write. Replaying also proves the files run before anything is written.
 */
export async function withGeneratedDowns(
  dir: string,
  migrations: readonly MigrationFile[],
  options: { readonly journal: JournalOptions; readonly shadow?: ShadowOptions | undefined },
): Promise<MigrationFile[]> {
  const exclude = [{ schema: options.journal.schema, table: options.journal.table }]
  const shadow = await openShadow(options.shadow)
  try {
    let before = await introspect(shadow.db, { exclude })
    const result: MigrationFile[] = []
    for (const migration of migrations) {
      await replayMigrations(shadow, { dir, migrations: [migration], sum: null })
      const after = await introspect(shadow.db, { exclude })
      const changes = diff(after, before)
      before = after
      if (changes.length === 0) {
        result.push(migration)
        continue
      }
      const down = migrationText(migration.name, 'down', changes).replace(
        'written by tidemark generate',
        'written by tidemark baseline --from-drizzle',
      )
      result.push({
        ...migration,
        down,
        downNoTransaction: isNoTransaction(down),
        downChecksum: downChecksum(down),
      })
    }
    return result
  } finally {
    await shadow.close()
  }
}
