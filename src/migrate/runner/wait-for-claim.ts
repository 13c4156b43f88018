import { MigrationHistoryError } from '../folder/migration-errors.js'

/** Polling delays while another runner finishes a migration: 50 ms doubling up to 1 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(50 * 2 ** attempt, 1000)
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** The error when a claimed migration stays unfinished for longer than the runner waits. */
export function unfinishedClaimError(
  name: string,
  startedAt: Date,
  waitedMs: number,
  journal: string,
): MigrationHistoryError {
  return new MigrationHistoryError(
    `migration ${name} has been running outside a transaction since ${startedAt.toISOString()} (claimed by ` +
      `another runner) and did not finish within ${Math.round(waitedMs / 1000)} s of waiting. If no other ` +
      'runner is still at work, that run was interrupted: check which of its statements took effect, finish or ' +
      `undo them by hand, then delete its claim (delete from ${journal} where name = '${name}') and migrate again`,
    [name],
  )
}

/** The error when the session that claimed a migration has ended: the claim can never finish. */
export function endedClaimError(
  name: string,
  file: string,
  pid: number,
  startedAt: Date,
  journal: string,
): MigrationHistoryError {
  return new MigrationHistoryError(
    `migration ${name} was claimed at ${startedAt.toISOString()} by a runner that is gone: its database ` +
      `session (pid ${pid}) ended before the migration finished, so it never will. Check which statements of ` +
      `${file} took effect (an interrupted CREATE INDEX CONCURRENTLY leaves an invalid index: drop it), ` +
      `finish or undo them by hand, then delete the claim (delete from ${journal} where name = '${name}') ` +
      'and migrate again',
    [name],
  )
}
