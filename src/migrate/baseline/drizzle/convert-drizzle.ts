import { downChecksum, upChecksum } from '../../folder/checksum.js'
import type { MigrationFile } from '../../folder/migration-folder.js'
import { migrationTimestamp } from '../../folder/migration-name-format.js'
import type { DrizzleMigration } from './drizzle-folder.js'

/** What drizzle-kit writes between two statements of a migration file. */
const BREAKPOINT = '--> statement-breakpoint'

/**
 * The Tidemark migrations for a drizzle-kit folder, one per drizzle migration and in its order.
 * Names take the journal's `when` as their timestamp and the tag as their slug; a `when` earlier
 * than the one before is moved up to it, so the names sort in drizzle's order. drizzle-kit writes
 * no down; withGeneratedDowns adds them.
 */
export function convertDrizzleMigrations(migrations: readonly DrizzleMigration[]): MigrationFile[] {
  let latest = 0
  return migrations.map((migration, index) => {
    latest = Math.max(latest, migration.when)
    const up = upSql(migration)
    return {
      name: `${migrationTimestamp(new Date(latest))}_${slug(migration.tag, index)}`,
      up,
      down: null,
      upNoTransaction: false,
      downNoTransaction: false,
      checksum: upChecksum(up),
      downChecksum: downChecksum(null),
    }
  })
}

/** The statements of a drizzle file without its breakpoint markers, each ending with `;`. */
function upSql(migration: DrizzleMigration): string {
  const statements = migration.text
    .split(BREAKPOINT)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    // A statement ending in a line comment gets its `;` on the next line, where it still counts.
    .map((part) => (part.endsWith(';') ? part : `${part}\n;`))
  return `-- From drizzle-kit's ${migration.tag}.sql\n${statements.join('\n\n')}\n`
}

/** The tag as a slug (a-z, 0-9, _), led by the journal position so equal timestamps keep their order. */
function slug(tag: string, index: number): string {
  const words = tag
    .replace(/^\d+_?/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  const position = String(index).padStart(4, '0')
  return words === '' ? position : `${position}_${words}`
}
