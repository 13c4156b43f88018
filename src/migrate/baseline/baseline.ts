import type { Database, Transaction } from '../../database/database.js'
import { introspect } from '../../dialects/pg/introspect/index.js'
import { diff } from '../../diff/diff.js'
import { sql } from '../../sql/sql.js'
import { type DriftFinding, driftFindings } from '../check/drift-findings.js'
import { MigrationHistoryError } from '../folder/migration-errors.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import { readHistoryModel } from '../replay/history-model.js'
import { restrictToSchemas } from '../replay/restrict-schemas.js'
import type { ShadowOptions } from '../replay/shadow.js'
import { ensureJournal, type JournalOptions, readJournal } from '../runner/journal.js'
import { journalAppliers } from '../runner/journal-appliers.js'
import { lockJournal } from '../runner/journal-lock.js'
import { recordApplied } from '../runner/journal-writes.js'
import { editedFiles } from '../runner/migration-status.js'

export interface BaselineOptions {
  /** The last migration the database already holds; every migration when absent. */
  readonly to?: string | undefined
  readonly journal: JournalOptions
  readonly schemas?: readonly string[] | undefined
  readonly shadow?: ShadowOptions | undefined
  readonly onStep?: ((step: string) => void) | undefined
  /** Tables the comparison leaves out besides the journal (another tool's journal being retired). */
  readonly exclude?: readonly { readonly schema: string; readonly table: string }[] | undefined
  /** Runs in the transaction that records the migrations, after them: its failure records nothing. */
  readonly afterRecord?: ((tx: Transaction) => Promise<void>) | undefined
}

export type BaselineResult =
  | {
      readonly matched: true
      /** Migrations recorded as applied now. */
      readonly recorded: readonly string[]
      /** Migrations the journal already held (with the same checksum). */
      readonly alreadyRecorded: readonly string[]
    }
  | {
      readonly matched: false
      /** How the database differs from what the migrations up to `to` build; nothing was recorded. */
      readonly differences: readonly DriftFinding[]
    }

/**
 * Adopts an existing database: checks that it holds exactly what the migrations up to `to` build
 * (a replay, compared like `check` does), and only then records them as applied, without running
 * them. A database that differs is left untouched and the differences are returned.
 */
export async function baseline(
  db: Database,
  folder: MigrationFolder,
  options: BaselineOptions,
): Promise<BaselineResult> {
  const names = folder.migrations.map((m) => m.name)
  const end = options.to === undefined ? names.length - 1 : names.indexOf(options.to)
  if (end < 0) {
    throw new MigrationHistoryError(
      options.to === undefined
        ? `There are no migrations in ${folder.dir} to record.`
        : `There is no migration named ${options.to} in ${folder.dir}. The latest is ${names.at(-1) ?? '(none)'}.`,
      options.to === undefined ? [] : [options.to],
    )
  }
  const adopted = folder.migrations.slice(0, end + 1)
  const journalRows = await readJournal(db, options.journal)
  const recorded = new Map(journalRows.map((row) => [row.name, row]))
  const beyond = journalRows.filter((row) => !adopted.some((m) => m.name === row.name))
  if (beyond.length > 0) {
    throw new MigrationHistoryError(
      `The journal already records ${beyond.map((r) => r.name).join(', ')}, which ${beyond.length > 1 ? 'are' : 'is'} not among the migrations to adopt. Baseline only a database whose journal is empty or behind.`,
      beyond.map((r) => r.name),
    )
  }
  const edited = adopted.filter(
    (m) => recorded.has(m.name) && editedFiles(recorded.get(m.name)!, m).length > 0,
  )
  if (edited.length > 0) {
    throw new MigrationHistoryError(
      `${edited.map((m) => m.name).join(', ')} ${edited.length > 1 ? 'were' : 'was'} recorded with another checksum: the file changed after it was applied.`,
      edited.map((m) => m.name),
    )
  }

  const exclude = [
    { schema: options.journal.schema, table: options.journal.table },
    ...(options.exclude ?? []),
  ]
  options.onStep?.('Reading the live database')
  // What the journal will say applied the migrations: the roles already in it and this one.
  const roles = await journalAppliers(db, options.journal, journalRows)
  const { rows: session } = await db.execute<{ role: string }>(sql`select current_user::text as role`)
  const live = await introspect(db, {
    exclude,
    schemas: options.schemas,
    migrationRoles: [...roles, session[0]!.role],
  })
  options.onStep?.(`Replaying ${adopted.length} migrations`)
  const history = await readHistoryModel({ ...folder, migrations: adopted }, options)
  const expected = restrictToSchemas(history.model, options.schemas)
  const differences = driftFindings(diff(expected, live), expected, live)
  if (differences.length > 0) return { matched: false, differences }

  const missing = adopted.filter((m) => !recorded.has(m.name))
  await ensureJournal(db, options.journal)
  await db.transaction(async (tx) => {
    await lockJournal(tx, options.journal)
    // Another runner may have recorded some meanwhile; the journal's key refuses a second row.
    const now = new Set((await readJournal(tx, options.journal)).map((row) => row.name))
    for (const migration of missing) {
      if (!now.has(migration.name)) {
        await recordApplied(tx, options.journal, {
          name: migration.name,
          checksum: migration.checksum,
          downChecksum: migration.downChecksum,
          durationMs: 0,
        })
      }
    }
    await options.afterRecord?.(tx)
  })
  return {
    matched: true,
    recorded: missing.map((m) => m.name),
    alreadyRecorded: adopted.filter((m) => recorded.has(m.name)).map((m) => m.name),
  }
}
