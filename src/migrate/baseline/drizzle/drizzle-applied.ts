import type { Queryable } from '../../../database/database.js'
import { quoteIdent } from '../../../dialects/pg/grammar/index.js'
import { sql } from '../../../sql/sql.js'
import { MigrationHistoryError } from '../../folder/migration-errors.js'
import type { DrizzleMigration } from './drizzle-folder.js'

/** Where drizzle's migrator records what it applied (its `migrationsSchema` and `migrationsTable`). */
export interface DrizzleJournal {
  readonly schema: string
  readonly table: string
}

export const DEFAULT_DRIZZLE_JOURNAL: DrizzleJournal = Object.freeze({
  schema: 'drizzle',
  table: '__drizzle_migrations',
})

export function drizzleJournalName(journal: DrizzleJournal): string {
  return `${quoteIdent(journal.schema)}.${quoteIdent(journal.table)}`
}

/**
 * How many of the folder's migrations drizzle's migrator applied: its journal table holds one row
 * per applied file, `created_at` being the file's `when` and `hash` the sha256 of its text. They
 * must be the first migrations of the folder, unedited, and every row must have its file.
 */
export async function countDrizzleApplied(
  db: Queryable,
  migrations: readonly DrizzleMigration[],
  journal: DrizzleJournal,
): Promise<number> {
  const name = drizzleJournalName(journal)
  const exists = await db.execute<{ found: boolean }>(sql`select to_regclass(${name}) is not null as found`)
  if (exists.rows[0]?.found !== true) {
    throw new MigrationHistoryError(
      `The database has no ${name}, so drizzle's migrator did not migrate it (or it was adopted already: see 'tidemark status'). Name drizzle's journal table with --drizzle-table SCHEMA.TABLE if its config moved it; a database built otherwise is adopted with 'tidemark generate --from-db' and 'tidemark baseline'.`,
      [],
    )
  }
  const { rows } = await db.execute<{ hash: string; createdAt: string | null }>(
    sql`select hash, created_at::text as "createdAt" from ${sql.raw(name)} order by created_at, id`,
  )
  const byWhen = new Map(migrations.map((m) => [String(m.when), m]))
  const applied = new Set<DrizzleMigration>()
  for (const row of rows) {
    const migration = row.createdAt === null ? undefined : byWhen.get(row.createdAt)
    if (migration === undefined) {
      throw new MigrationHistoryError(
        `${name} records a migration (created_at ${row.createdAt ?? 'null'}) that the drizzle folder's journal does not list: restore its file and journal entry, then run this again.`,
        [],
      )
    }
    if (migration.hash !== row.hash) {
      throw new MigrationHistoryError(
        `${migration.tag}.sql was edited after drizzle applied it: its sha256 differs from the hash in ${name}. Restore the applied text (from version control), then run this again.`,
        [migration.tag],
      )
    }
    applied.add(migration)
  }
  const count = applied.size
  const gap = migrations.slice(0, count).find((m) => !applied.has(m))
  if (gap !== undefined) {
    throw new MigrationHistoryError(
      `${gap.tag}.sql was never applied, yet a later drizzle migration was: apply it with drizzle first, or remove it from the folder, then run this again.`,
      [gap.tag],
    )
  }
  return count
}
