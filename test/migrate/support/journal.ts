/** Reads the journal with plain SQL, independently of the runner's own reader. */
import { type Database, sql } from 'tidemark'

export interface TestJournalRow {
  name: string
  checksum: string
  applied: boolean
  durationMs: number | null
}

export async function journalRows(
  db: Database,
  table = 'public.tidemark_migrations',
): Promise<TestJournalRow[]> {
  const { rows } = await db.execute<{ exists: boolean }>(
    sql`select to_regclass(${table}) is not null as exists`,
  )
  if (!rows[0]!.exists) return []
  return (
    await db.execute<TestJournalRow>(
      sql.raw(
        `select name, checksum, applied_at is not null as applied, duration_ms as "durationMs" from ${table} order by name`,
      ),
    )
  ).rows
}

/** Drops everything the tests created: the public schema's objects and any other user schema. */
export async function resetDatabase(db: Database): Promise<void> {
  const { rows } = await db.execute<{ name: string }>(sql`
    select nspname as name from pg_namespace
    where nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'public')
      and nspname not like 'pg_temp%' and nspname not like 'pg_toast_temp%'`)
  for (const { name } of rows) await db.execute(sql`drop schema ${sql.identifier(name)} cascade`)
  await db.execute(sql`drop schema public cascade`)
  await db.execute(sql`create schema public`)
}
