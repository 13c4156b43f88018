import { join } from 'node:path'
import type { Database, Transaction } from '../../database/database.js'
import { MigrationHistoryError } from '../folder/migration-errors.js'
import type { MigrationFile, MigrationFolder } from '../folder/migration-folder.js'
import type { SqlStatement } from '../folder/split-statements.js'
import { acceptedEdits, recordAcceptedEdits } from './accepted-edits.js'
import { parseMigrationSql } from './apply-migration-sql.js'
import { endedClaimer, recordClaimer } from './claimer.js'
import { type AllowDataLoss, guardDataLoss, upDataLoss } from './data-loss.js'
import { assertHistory, editedMessage, outOfOrderMessage } from './history-check.js'
import {
  DEFAULT_JOURNAL,
  ensureJournal,
  type JournalOptions,
  type JournalRow,
  journalName,
  readJournal,
} from './journal.js'
import { lockJournal } from './journal-lock.js'
import { deleteRow, fillDownChecksum, markApplied, recordApplied, recordClaim } from './journal-writes.js'
import { editedFiles, editedFilesByName, migrationStatus } from './migration-status.js'
import { runOutsideTransaction } from './run-outside-transaction.js'
import { runStatements, setLocalLockTimeout } from './run-statements.js'
import { backoffDelay, endedClaimError, sleep, unfinishedClaimError } from './wait-for-claim.js'

/** What the runner reports as it goes, for progress output. */
export type MigrateEvent =
  | { readonly type: 'started'; readonly name: string; readonly noTransaction: boolean }
  | { readonly type: 'applied'; readonly name: string; readonly durationMs: number }
  /** Another runner applied it meanwhile. */
  | { readonly type: 'skipped'; readonly name: string }
  /** Another runner is applying it outside a transaction; this one waits for it to finish. */
  | { readonly type: 'waiting'; readonly name: string }

export interface MigrateOptions {
  /** Where applied migrations are recorded. Default `public.tidemark_migrations`. */
  readonly journal?: JournalOptions
  /** PostgreSQL lock_timeout while a migration runs. Default `'10s'`. */
  readonly lockTimeout?: string
  /** Applied migrations whose edited files are accepted as they are: the journal takes the new checksums. */
  readonly acceptEdited?: readonly string[]
  /** How long to wait for another runner's no-transaction migration to finish. Default 10 minutes. */
  readonly claimWaitMs?: number
  /**
   * Whether pending migrations that declare a data-loss hazard (generate writes them in the file's
   * header) may run: `false` refuses them with a DataLossError before anything runs, a function is
   * asked with the list. Default `true`; the CLI refuses unless told (`--allow-data-loss`).
   */
  readonly allowDataLoss?: AllowDataLoss
  readonly onEvent?: (event: MigrateEvent) => void
}

export interface MigrateResult {
  /** Migrations this call applied, in order. */
  readonly applied: { name: string; durationMs: number }[]
  /** Migrations that were applied already, or that another runner applied meanwhile. */
  readonly alreadyApplied: string[]
}

export const DEFAULT_LOCK_TIMEOUT = '10s'
const DEFAULT_CLAIM_WAIT_MS = 10 * 60 * 1000

/** A migration file to run, with its statements parsed before anything runs. */
interface MigrationToRun {
  readonly migration: MigrationFile
  readonly file: string
  readonly statements: readonly SqlStatement[]
}

interface Context {
  readonly db: Database
  readonly journal: JournalOptions
  readonly lockTimeout: string
  readonly claimWaitMs: number
  readonly onEvent: (event: MigrateEvent) => void
}

/**
 * Applies the folder's pending migrations in name order, each exactly once, even when several
 * runners start at once (parallel deploys).
 *
 * - Before anything runs: every applied migration must still have its recorded checksum (unless
 *   named in `acceptEdited`), every journal row must have its folder, no pending migration may sort
 *   before an applied one, every pending file must parse, and data loss must be allowed
 *   (`allowDataLoss`).
 * - Each migration runs in its own transaction with its journal row, under `SET LOCAL lock_timeout`
 *   so a blocked DDL fails fast instead of queueing every other query behind it. A failure rolls
 *   that migration back entirely, stops the run, and throws a MigrationError.
 * - Concurrency: each transaction first takes the journal's transaction-scoped advisory lock, then
 *   reads the journal again and skips what another runner applied meanwhile.
 * - A file starting with `-- tidemark:no-transaction` cannot share a transaction with its journal
 *   row: see applyOutsideTransaction.
 *
 * @example
 * const result = await migrate(db, await readMigrationFolder('migrations'))
 * result.applied // [{ name: '20261125101500_create_users', durationMs: 12 }]
 */
export async function migrate(
  db: Database,
  folder: MigrationFolder,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const context: Context = {
    db,
    journal: options.journal ?? DEFAULT_JOURNAL,
    lockTimeout: options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT,
    claimWaitMs: options.claimWaitMs ?? DEFAULT_CLAIM_WAIT_MS,
    onEvent: options.onEvent ?? (() => {}),
  }
  await ensureJournal(db, context.journal)
  const rows = await readJournal(db, context.journal)
  const status = migrationStatus(rows, folder)
  const accepted = acceptedEdits(status, folder, options.acceptEdited)
  assertHistory(status, { accepted, editedFiles: editedFilesByName(rows, folder) })

  // An unfinished claim is another runner's no-transaction migration in progress: wait for it below.
  const pending = new Set([...status.pending, ...status.unfinished])
  const toRun: MigrationToRun[] = []
  for (const migration of folder.migrations) {
    if (!pending.has(migration.name)) continue
    const file = join(folder.dir, migration.name, 'up.sql')
    toRun.push({
      migration,
      file,
      statements: await parseMigrationSql(file, migration.up, !migration.upNoTransaction),
    })
  }

  await guardDataLoss(
    toRun.flatMap((step) => upDataLoss(step.migration) ?? []),
    options.allowDataLoss ?? true,
  )

  await recordAcceptedEdits(db, context.journal, status, folder, accepted)
  await recordDownChecksums(context, rows, folder)

  const result: MigrateResult = { applied: [], alreadyApplied: [...status.applied] }
  for (const step of toRun) {
    const outcome = step.migration.upNoTransaction
      ? await applyOutsideTransaction(context, step)
      : await applyInTransaction(context, step)
    if (outcome === 'skipped') {
      context.onEvent({ type: 'skipped', name: step.migration.name })
      result.alreadyApplied.push(step.migration.name)
    } else {
      context.onEvent({ type: 'applied', name: step.migration.name, durationMs: outcome.durationMs })
      result.applied.push({ name: step.migration.name, durationMs: outcome.durationMs })
    }
  }
  return result
}

/**
 * Rows written before the journal recorded down.sql (by an earlier version) take the folder's
 * down.sql now, once their up.sql has verified: from here on, an edit of it is caught as well.
 */
async function recordDownChecksums(context: Context, rows: readonly JournalRow[], folder: MigrationFolder) {
  const files = new Map(folder.migrations.map((m) => [m.name, m]))
  const legacy = rows.filter(
    (row) => row.downChecksum === null && row.checksum === files.get(row.name)?.checksum,
  )
  if (legacy.length === 0) return
  await context.db.transaction(async (tx) => {
    await lockJournal(tx, context.journal)
    for (const row of legacy)
      await fillDownChecksum(tx, context.journal, row.name, files.get(row.name)!.downChecksum)
  })
}

type Outcome = 'skipped' | { durationMs: number }

/** The journal's verdict on a migration, read under the lock. */
type Claim = 'skipped' | { wait: JournalRow } | 'free'

/**
 * Under the lock: applied already (by another runner: its checksum must match ours), being applied
 * outside a transaction by another runner (wait), or ours to apply. A migration sorting before one
 * that another runner applied meanwhile is out of order, as it would have been before the run.
 */
async function inspect(tx: Transaction, context: Context, step: MigrationToRun): Promise<Claim> {
  const { migration } = step
  await lockJournal(tx, context.journal)
  const rows = await readJournal(tx, context.journal)
  const row = rows.find((r) => r.name === migration.name)
  const edited = row === undefined ? [] : editedFiles(row, migration)
  if (edited.length > 0)
    throw new MigrationHistoryError(editedMessage(migration.name, edited), [migration.name])
  if (row?.appliedAt === null) {
    const pid = await endedClaimer(tx, context.journal, row.name)
    if (pid !== undefined)
      throw endedClaimError(row.name, step.file, pid, row.startedAt, journalName(context.journal))
    return { wait: row }
  }
  if (row) return 'skipped'
  const latest = rows.at(-1)
  if (latest && latest.name > migration.name)
    throw new MigrationHistoryError(outOfOrderMessage(migration.name, latest.name), [migration.name])
  return 'free'
}

async function applyInTransaction(context: Context, step: MigrationToRun): Promise<Outcome> {
  const { migration } = step
  return withClaimWait(context, migration, () =>
    context.db.transaction(async (tx) => {
      const claim = await inspect(tx, context, step)
      if (claim !== 'free') return claim
      context.onEvent({ type: 'started', name: migration.name, noTransaction: false })
      // Set after the advisory lock: waiting for another runner is expected, waiting on a table is not.
      await setLocalLockTimeout(tx, context.lockTimeout)
      const started = performance.now()
      await runStatements(tx, step.file, step.statements, { inTransaction: true })
      const durationMs = Math.round(performance.now() - started)
      await recordApplied(tx, context.journal, {
        name: migration.name,
        checksum: migration.checksum,
        downChecksum: migration.downChecksum,
        durationMs,
      })
      return { durationMs }
    }),
  )
}

/**
 * A no-transaction migration cannot commit atomically with its journal row, so:
 * 1. Under the lock, claim it: insert its journal row with applied_at null, and commit. Other
 *    runners that meet the claim wait (polling, the lock released between polls) until it is applied.
 * 2. Run its statements one by one, each committed on its own, on one dedicated connection (see
 *    runOutsideTransaction: no session setting stays behind).
 * 3. Set applied_at. On failure, delete the claim instead and throw a MigrationError that lists the
 *    statements that had already run: PostgreSQL cannot roll those back.
 * If the process dies during step 2 the claim stays. Runners that meet it say how to inspect and
 * clear it: at once when the session that ran the statements has ended (see claimer.ts), else once
 * they have waited claimWaitMs.
 */
async function applyOutsideTransaction(context: Context, step: MigrationToRun): Promise<Outcome> {
  const { migration } = step
  const claim = await withClaimWait(context, migration, () =>
    context.db.transaction(async (tx) => {
      const found = await inspect(tx, context, step)
      if (found !== 'free') return found
      await recordClaim(tx, context.journal, migration)
      return 'claimed' as const
    }),
  )
  if (claim === 'skipped') return claim
  context.onEvent({ type: 'started', name: migration.name, noTransaction: true })
  const started = performance.now()
  try {
    await runOutsideTransaction(context.db, step.file, step.statements, {
      lockTimeout: context.lockTimeout,
      beforeStatements: (connection) => recordClaimer(connection, context.journal, migration.name),
    })
  } catch (error) {
    // Best effort: if even this fails, the claim stays and the next run explains how to clear it.
    await deleteRow(context.db, context.journal, migration.name).catch(() => {})
    throw error
  }
  const durationMs = Math.round(performance.now() - started)
  await markApplied(context.db, context.journal, migration.name, durationMs)
  return { durationMs }
}

/** Repeats attempt while it reports another runner's unfinished claim, with backoff, up to claimWaitMs. */
async function withClaimWait<T>(
  context: Context,
  migration: MigrationFile,
  attempt: () => Promise<T | { wait: JournalRow }>,
): Promise<T> {
  const began = performance.now()
  for (let round = 0; ; round++) {
    const outcome = await attempt()
    if (typeof outcome !== 'object' || outcome === null || !('wait' in outcome)) return outcome as T
    const waited = performance.now() - began
    if (waited >= context.claimWaitMs)
      throw unfinishedClaimError(migration.name, outcome.wait.startedAt, waited, journalName(context.journal))
    if (round === 0) context.onEvent({ type: 'waiting', name: migration.name })
    await sleep(Math.min(backoffDelay(round), Math.max(0, context.claimWaitMs - waited)))
  }
}
