import { MigrationHistoryError } from './migration-errors.js'

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
