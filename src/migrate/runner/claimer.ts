import type { Queryable } from '../../database/database.js'
import { sql } from '../../sql/sql.js'
import { type JournalOptions, journalTable } from './journal.js'

/**
 * A claimed no-transaction migration records the database session that runs its statements: its
 * pid and, since pids are reused (and PGlite's is always the same), when that session started. Once
 * that session is gone the claim can never finish, and waiting runners say so at once instead of
 * waiting out their timeout. Behind a transaction pooler the recorded session is a pooled server
 * connection that outlives the runner, so there a dead runner is only noticed by the timeout.
 */
export async function recordClaimer(
  connection: Queryable,
  journal: JournalOptions,
  name: string,
): Promise<void> {
  await connection.execute(sql`
    update ${journalTable(journal)}
    set claimer_pid = pg_backend_pid(),
      claimer_started_at = (select backend_start from pg_stat_activity where pid = pg_backend_pid())
    where name = ${name}`)
}

/**
 * The pid of the session that claimed the migration when that session has ended; undefined while
 * it runs, or when nothing tells (no claimer recorded yet, or pg_stat_activity hides the session's
 * start from this role: then it is presumed alive).
 */
export async function endedClaimer(
  db: Queryable,
  journal: JournalOptions,
  name: string,
): Promise<number | undefined> {
  const { rows } = await db.execute<{ pid: number | null; alive: boolean }>(sql`
    select j.claimer_pid as pid, exists (
      select from pg_stat_activity a
      where a.pid = j.claimer_pid
        and (a.backend_start is null or j.claimer_started_at is null or a.backend_start = j.claimer_started_at)
    ) as alive
    from ${journalTable(journal)} j where j.name = ${name}`)
  const row = rows[0]
  return row?.pid !== null && row?.pid !== undefined && !row.alive ? row.pid : undefined
}
