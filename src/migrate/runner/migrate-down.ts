import { join } from 'node:path'
import type { Database } from '../../database/database.js'
import { MigrationHistoryError } from '../folder/migration-errors.js'
import type { MigrationFile, MigrationFolder } from '../folder/migration-folder.js'
import type { SqlStatement } from '../folder/split-statements.js'
import { acceptedEdits, recordAcceptedEdits } from './accepted-edits.js'
import { parseMigrationSql } from './apply-migration-sql.js'
import { endedClaimer, recordClaimer } from './claimer.js'
import { type AllowDataLoss, downDataLoss, guardDataLoss } from './data-loss.js'
import { assertHistory } from './history-check.js'
import {
  DEFAULT_JOURNAL,
  ensureJournal,
  type JournalOptions,
  type JournalRow,
  journalName,
  readJournal,
} from './journal.js'
import { lockJournal } from './journal-lock.js'
import { deleteRow, markApplied, markUnfinished } from './journal-writes.js'
import { DEFAULT_LOCK_TIMEOUT } from './migrate.js'
import { editedFilesByName, migrationStatus } from './migration-status.js'
import { runOutsideTransaction } from './run-outside-transaction.js'
import { runStatements, setLocalLockTimeout } from './run-statements.js'
import { endedClaimError } from './wait-for-claim.js'

export type MigrateDownEvent =
  | { readonly type: 'started'; readonly name: string; readonly noTransaction: boolean }
  | { readonly type: 'reverted'; readonly name: string; readonly durationMs: number }

export interface MigrateDownOptions {
  /** Undo every migration applied after this one, keeping it applied. */
  readonly to?: string
  /** Undo this many migrations, latest first. Default 1 (when `to` is not given). */
  readonly steps?: number
  readonly journal?: JournalOptions
  /** PostgreSQL lock_timeout while a down.sql runs. Default `'10s'`. */
  readonly lockTimeout?: string
  /** Applied migrations whose edited files are accepted as they are (a down.sql fixed after the fact). */
  readonly acceptEdited?: readonly string[]
  /**
   * Whether migrations may be undone, since undoing one loses the data it held: `false` refuses with
   * a DataLossError before anything is undone, a function is asked with the list. Default `true`;
   * the CLI refuses unless told (`--allow-data-loss`).
   */
  readonly allowDataLoss?: AllowDataLoss
  readonly onEvent?: (event: MigrateDownEvent) => void
}

export interface MigrateDownResult {
  /** Migrations undone, latest first. */
  readonly reverted: { name: string; durationMs: number }[]
}

/** A migration file to run, with its statements parsed before anything runs. */
interface MigrationToRun {
  readonly migration: MigrationFile
  readonly file: string
  readonly statements: readonly SqlStatement[]
}

/**
 * Undoes applied migrations from the latest backwards with their down.sql: one by default, `steps`
 * of them, or all after `to`. Refused before anything is undone when the journal disagrees with the
 * folder (as for migrate), when a no-transaction migration is unfinished, or when one of them has no
 * down.sql. Each down.sql runs in its own transaction together with deleting its journal row, under
 * the journal's advisory lock and `SET LOCAL lock_timeout`.
 *
 * A down.sql marked `-- tidemark:no-transaction` runs outside a transaction: its journal row is first
 * marked unfinished (applied_at null, so concurrent `migrate` runs wait), then deleted on success or
 * restored on failure, and the error lists the statements that could not be rolled back.
 *
 * @example
 * await migrateDown(db, folder, { to: '20261125101500_create_users' })
 */
export async function migrateDown(
  db: Database,
  folder: MigrationFolder,
  options: MigrateDownOptions = {},
): Promise<MigrateDownResult> {
  const journal = options.journal ?? DEFAULT_JOURNAL
  const lockTimeout = options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT
  const onEvent = options.onEvent ?? (() => {})
  const rows = await readJournal(db, journal)
  const status = migrationStatus(rows, folder)
  const unfinished = rows.find((row) => row.name === status.unfinished[0])
  if (unfinished) {
    await ensureJournal(db, journal)
    const pid = await endedClaimer(db, journal, unfinished.name)
    if (pid !== undefined) {
      const where = join(folder.dir, unfinished.name, '{up,down}.sql')
      throw endedClaimError(unfinished.name, where, pid, unfinished.startedAt, journalName(journal))
    }
    throw new MigrationHistoryError(
      `migration ${unfinished.name} is unfinished (running outside a transaction, or interrupted): ` +
        'wait for it to finish before undoing migrations',
      status.unfinished,
    )
  }
  const accepted = acceptedEdits(status, folder, options.acceptEdited)
  assertHistory(status, { accepted, checkOrder: false, editedFiles: editedFilesByName(rows, folder) })
  const targets = chooseTargets(status.applied, options)
  const files = new Map(folder.migrations.map((m) => [m.name, m]))
  const toRun: MigrationToRun[] = []
  for (const name of targets) {
    const migration = files.get(name)!
    if (migration.down === null)
      throw new MigrationHistoryError(
        `migration ${name} has no down.sql, so it cannot be undone: nothing was undone. Write ` +
          `${join(folder.dir, name, 'down.sql')} first`,
        [name],
      )
    const file = join(folder.dir, name, 'down.sql')
    toRun.push({
      migration,
      file,
      statements: await parseMigrationSql(file, migration.down, !migration.downNoTransaction),
    })
  }

  await guardDataLoss(
    toRun.map((step) => downDataLoss(step.migration)),
    options.allowDataLoss ?? true,
  )
  // A journal from an earlier version gets the columns this one records (down.sql's checksum, the
  // claimer of a no-transaction down.sql).
  if (toRun.length > 0) await ensureJournal(db, journal)
  await recordAcceptedEdits(db, journal, status, folder, accepted)
  const reverted: MigrateDownResult['reverted'] = []
  for (const step of toRun) {
    const { name } = step.migration
    const noTransaction = step.migration.downNoTransaction
    const { started, row } = await db.transaction(async (tx) => {
      await lockJournal(tx, journal)
      const row = latestRow(await readJournal(tx, journal), name)
      onEvent({ type: 'started', name, noTransaction })
      if (noTransaction) {
        await markUnfinished(tx, journal, name)
        return { started: performance.now(), row }
      }
      await setLocalLockTimeout(tx, lockTimeout)
      const started = performance.now()
      await runStatements(tx, step.file, step.statements, { inTransaction: true })
      await deleteRow(tx, journal, name)
      return { started, row }
    })
    if (noTransaction) await revertOutsideTransaction(db, journal, lockTimeout, step, row)
    const durationMs = Math.round(performance.now() - started)
    onEvent({ type: 'reverted', name, durationMs })
    reverted.push({ name, durationMs })
  }
  return { reverted }
}

function chooseTargets(applied: readonly string[], options: MigrateDownOptions): string[] {
  if (options.to !== undefined && options.steps !== undefined)
    throw new MigrationHistoryError('Give either `to` or `steps` to migrate down, not both', [])
  if (options.to !== undefined) {
    const index = applied.indexOf(options.to)
    if (index === -1)
      throw new MigrationHistoryError(
        `Cannot migrate down to ${options.to}: it is not an applied migration (applied: ${applied.at(-1) ?? 'none'} is the latest)`,
        [options.to],
      )
    return applied.slice(index + 1).reverse()
  }
  const steps = options.steps ?? 1
  if (!Number.isInteger(steps) || steps < 1)
    throw new MigrationHistoryError(`steps must be a positive whole number, not ${steps}`, [])
  if (steps > applied.length)
    throw new MigrationHistoryError(
      `Cannot undo ${steps} migrations: only ${applied.length} ${applied.length === 1 ? 'is' : 'are'} applied`,
      [],
    )
  return applied.slice(-steps).reverse()
}

/** Another runner may have changed the journal since it was read: undo only the latest migration. */
function latestRow(rows: readonly JournalRow[], name: string): JournalRow {
  const latest = rows.at(-1)
  if (latest?.name !== name || latest.appliedAt === null)
    throw new MigrationHistoryError(
      `migration ${name} is no longer the latest applied migration: another runner changed the journal meanwhile; run again`,
      [name],
    )
  return latest
}

async function revertOutsideTransaction(
  db: Database,
  journal: JournalOptions,
  lockTimeout: string,
  step: MigrationToRun,
  row: JournalRow,
): Promise<void> {
  const { name } = step.migration
  try {
    await runOutsideTransaction(db, step.file, step.statements, {
      lockTimeout,
      beforeStatements: (connection) => recordClaimer(connection, journal, name),
    })
  } catch (error) {
    // The migration is still applied (partly undone at most): restore its row as it was.
    await markApplied(db, journal, name, row.durationMs, row.appliedAt ?? undefined).catch(() => {})
    throw error
  }
  await deleteRow(db, journal, name)
}
