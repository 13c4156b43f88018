import { MigrationHistoryError } from '../folder/migration-errors.js'
import { HASH_COMMAND } from '../folder/sum-file.js'
import type { MigrationStatus } from './migration-status.js'

/** The flag of `tidemark migrate` that accepts a deliberate edit of an applied migration. */
export const ACCEPT_EDITED_FLAG = '--accept-edited'

export function editedMessage(name: string, files: readonly string[] = ['up.sql', 'down.sql']): string {
  return (
    `migration ${name} was edited after it was applied: its ${files.join(' or ')} no longer matches the checksum in the journal. ` +
    `Restore the applied version, or if the edit is deliberate and the database already matches it, ` +
    `accept it with \`${ACCEPT_EDITED_FLAG} ${name}\``
  )
}

export function missingMessage(name: string): string {
  return (
    `migration ${name} is applied to the database but is not in the migrations folder: the folder is behind ` +
    'the database. Pull the branch that has it (or restore the folder) before migrating'
  )
}

export function outOfOrderMessage(name: string, latest: string): string {
  return (
    `migration ${name} is pending but sorts before ${latest}, which is already applied: migrations apply in ` +
    `name order only. Regenerate it, or rename its folder to a timestamp after ${latest} and run \`${HASH_COMMAND}\``
  )
}

/**
 * Refuses, before anything changes, a database whose journal disagrees with the folder: an applied
 * migration edited (unless accepted), a journal row without its file, a pending migration out of order.
 * Every problem is listed in one error.
 */
export function assertHistory(
  status: MigrationStatus,
  options: {
    accepted?: ReadonlySet<string>
    checkOrder?: boolean
    /** Which files of each edited migration changed, for the message (see editedFilesByName). */
    editedFiles?: ReadonlyMap<string, readonly string[]>
  } = {},
): void {
  const problems: { name: string; message: string }[] = []
  for (const name of status.edited)
    if (!options.accepted?.has(name))
      problems.push({ name, message: editedMessage(name, options.editedFiles?.get(name)) })
  for (const name of status.missing) problems.push({ name, message: missingMessage(name) })
  if (options.checkOrder !== false) {
    const latest = [...status.applied, ...status.unfinished].sort().at(-1)
    for (const name of status.outOfOrder)
      problems.push({ name, message: outOfOrderMessage(name, latest ?? '') })
  }
  if (problems.length === 0) return
  const message =
    problems.length === 1
      ? problems[0]!.message
      : `The migration history does not match the database:\n${problems.map((p) => `- ${p.message}`).join('\n')}`
  throw new MigrationHistoryError(
    message,
    problems.map((p) => p.name),
  )
}
