import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from './checksum.js'
import { MigrationSumError } from './migration-errors.js'
import { type MigrationFile, type MigrationFolder, SUM_FILE } from './migration-folder.js'

/**
 * `tidemark.sum` guards the migration folder's integrity:
 *
 *   total <sha256 of every line below, newlines included>
 *   <name> <sha256 of up.sql, a NUL byte, down.sql (empty when absent)>
 *
 * Any migration edited, added or removed without re-hashing is detected. And because every new
 * migration changes the `total` line, two branches that each add one conflict on that line when
 * merged: the order of the merged history gets a human decision before it can reach a database.
 */

/** The command that rewrites the sum file; problem messages name it as the fix. */
export const HASH_COMMAND = 'tidemark hash'

export type SumProblemKind = 'missing' | 'conflict' | 'malformed' | 'total' | 'edited' | 'added' | 'removed'

export interface SumProblem {
  readonly kind: SumProblemKind
  /** The migration concerned, for `edited`, `added` and `removed`. */
  readonly migration?: string
  readonly message: string
}

/** The hash a sum file records for one migration. */
export function migrationSum(migration: Pick<MigrationFile, 'up' | 'down'>): string {
  return sha256Hex(migration.up, '\0', migration.down ?? '')
}

/** The text of `tidemark.sum` for these migrations (sorted by name, as the folder is). */
export function renderSumFile(migrations: readonly MigrationFile[]): string {
  const lines = [...migrations]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((migration) => `${migration.name} ${migrationSum(migration)}\n`)
  return `total ${sha256Hex(...lines)}\n${lines.join('')}`
}

/** Writes `<dir>/tidemark.sum` for these migrations. */
export async function writeSumFile(dir: string, migrations: readonly MigrationFile[]): Promise<void> {
  await writeFile(join(dir, SUM_FILE), renderSumFile(migrations))
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})( |$)/
const TOTAL_LINE = /^total ([0-9a-f]{64})$/
const ENTRY_LINE = /^(\S+) ([0-9a-f]{64})$/

/** Throws a MigrationSumError listing every problem when the folder does not match its sum file. */
export function assertSumFile(folder: MigrationFolder): void {
  const problems = verifySumFile(folder)
  if (problems.length > 0)
    throw new MigrationSumError(
      join(folder.dir, SUM_FILE),
      problems.map((p) => p.message),
    )
}

/** Compares the folder with its sum file; an empty list means they agree. */
export function verifySumFile(folder: MigrationFolder): SumProblem[] {
  const fix = `run \`${HASH_COMMAND}\``
  if (folder.sum === null) {
    if (folder.migrations.length === 0) return []
    return [{ kind: 'missing', message: `${SUM_FILE} is missing: ${fix} to create it, and commit it` }]
  }
  const lines = folder.sum.split('\n')
  if (lines.at(-1) === '') lines.pop()
  if (lines.some((line) => CONFLICT_MARKER.test(line)))
    return [
      {
        kind: 'conflict',
        message:
          `${SUM_FILE} has merge conflict markers: two branches added migrations. Check that the merged ` +
          `migrations still apply in name order (rename the newer one to a later timestamp if not), then ${fix}`,
      },
    ]
  const [first, ...entryLines] = lines
  const total = TOTAL_LINE.exec(first ?? '')
  if (!total)
    return [{ kind: 'malformed', message: `${SUM_FILE}: the first line must be \`total <hash>\`; ${fix}` }]
  const recorded = new Map<string, string>()
  for (const [i, line] of entryLines.entries()) {
    const entry = ENTRY_LINE.exec(line)
    if (!entry || recorded.has(entry[1]!))
      return [
        {
          kind: 'malformed',
          message: `${SUM_FILE}:${i + 2}: unexpected line ${JSON.stringify(line)}; ${fix}`,
        },
      ]
    recorded.set(entry[1]!, entry[2]!)
  }

  const problems: SumProblem[] = []
  if (sha256Hex(...entryLines.map((line) => `${line}\n`)) !== total[1])
    problems.push({
      kind: 'total',
      message: `${SUM_FILE}: the total line does not match the lines below it (edited by hand?); ${fix}`,
    })
  for (const migration of folder.migrations) {
    const hash = recorded.get(migration.name)
    if (hash === undefined)
      problems.push({
        kind: 'added',
        migration: migration.name,
        message: `migration ${migration.name} is not in ${SUM_FILE}: ${fix} after adding a migration`,
      })
    else if (hash !== migrationSum(migration))
      problems.push({
        kind: 'edited',
        migration: migration.name,
        message: `migration ${migration.name} changed since ${SUM_FILE} was written: if the edit is deliberate, ${fix}`,
      })
    recorded.delete(migration.name)
  }
  for (const name of recorded.keys())
    problems.push({
      kind: 'removed',
      migration: name,
      message: `migration ${name} is in ${SUM_FILE} but not in the folder: restore it, or if removing it is deliberate, ${fix}`,
    })
  return problems
}
