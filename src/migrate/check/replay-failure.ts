import { sep } from 'node:path'
import { MigrationError, MigrationSqlError } from '../folder/migration-errors.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import type { MigrationStatus } from '../runner/migration-status.js'

/**
 * When replaying the folder's migrations failed on one of its files, why, in a sentence for the
 * report (with what in the journal may explain it); undefined for any other error, which `check`
 * lets through: a schema module that does not load, a shadow server out of reach.
 */
export function replayFailureNote(
  error: unknown,
  folder: Pick<MigrationFolder, 'dir'>,
  status: Pick<MigrationStatus, 'missing' | 'outOfOrder'>,
): string | undefined {
  const failure = migrationFailure(error)
  if (failure === undefined || !failure.file.startsWith(`${folder.dir}${sep}`)) return undefined
  const firstLine = (error as Error).message.split('\n')[0]
  const reasons: string[] = []
  if (status.missing.length > 0)
    reasons.push(
      `${status.missing.join(', ')}, applied to the database, ${status.missing.length > 1 ? 'are' : 'is'} missing from the folder`,
    )
  if (status.outOfOrder.length > 0)
    reasons.push(
      `${status.outOfOrder.join(', ')} ${status.outOfOrder.length > 1 ? 'sort' : 'sorts'} before migrations already applied`,
    )
  const why = reasons.length === 0 ? '' : ` Perhaps because ${reasons.join(', and ')}.`
  return `Replaying the migrations failed: ${firstLine}${why}`
}

/** The replay's own error, or the one a friendlier error wraps. */
function migrationFailure(error: unknown): MigrationError | MigrationSqlError | undefined {
  for (let e = error; e instanceof Error; e = e.cause)
    if (e instanceof MigrationError || e instanceof MigrationSqlError) return e
  return undefined
}
