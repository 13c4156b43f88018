import type { Queryable } from '../../database/database.js'
import { renderChanges } from '../../dialects/pg/ddl/index.js'
import { introspect } from '../../dialects/pg/introspect/index.js'
import type { Hazard } from '../../diff/changes.js'
import { describeChange } from '../../diff/describe.js'
import { diff } from '../../diff/diff.js'
import type { SchemaModel } from '../../model/types.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import { type MigrationPlan, planMigration, type RenameResolver } from '../generate/plan.js'
import { readHistoryModel } from '../replay/history-model.js'
import { restrictToSchemas } from '../replay/restrict-schemas.js'
import type { ShadowOptions } from '../replay/shadow.js'
import { type JournalOptions, readJournal } from '../runner/journal.js'
import { migrationRolesOption } from '../runner/journal-appliers.js'
import { type MigrationStatus, migrationStatus } from '../runner/migration-status.js'
import { type DriftFinding, driftFindings } from './drift-findings.js'
import { replayFailureNote } from './replay-failure.js'

export type { DriftFinding, DriftState } from './drift-findings.js'

export interface CheckOptions {
  /** The live database. Only read: catalog queries and the journal. */
  readonly db: Queryable
  readonly folder: MigrationFolder
  readonly journal: JournalOptions
  /** Read only these database schemas; every user schema when absent. */
  readonly schemas?: readonly string[] | undefined
  /** Where migrations are replayed: PGlite in-process unless a server URL is given. */
  readonly shadow?: ShadowOptions | undefined
  /** The schema as the code declares it; without it the code question is skipped. */
  readonly desired?:
    | { readonly model: SchemaModel; readonly authoredDefaults: ReadonlySet<string> }
    | undefined
  /** Called as each slow step starts, for a progress line. */
  readonly onStep?: ((step: string) => void) | undefined
}

/**
 * The answer to "is this database what its migrations and code say?", in three sections. This is
 * the document `tidemark check --json` prints; its shape is versioned and documented.
 */
export interface CheckReport {
  readonly version: 1
  readonly drift: DriftSection
  readonly code: CodeSection
  readonly journal: JournalSection
}

/** Has the live database drifted from the migrations applied to it? */
export interface DriftSection {
  /**
   * `unknown` when the applied migrations cannot be replayed (a file is missing, or fails);
   * `unadopted` when the database holds objects but records no applied migration: Tidemark never
   * migrated it (`findings` lists what it holds; adopt it with `baseline`, not the reconcile SQL).
   */
  readonly status: 'clean' | 'drifted' | 'unknown' | 'unadopted'
  /** Why the status is unknown or unadopted, or what to keep in mind (an applied file was edited). */
  readonly notes: readonly string[]
  /** How many applied migrations were replayed to compare with. */
  readonly appliedMigrations: number
  readonly findings: readonly DriftFinding[]
  /** SQL that puts the database back as the migrations say, and what running it would risk. */
  readonly reconcile: { readonly sql: readonly string[]; readonly hazards: readonly Hazard[] }
}

/** Does the schema code declare what the migrations build? */
export interface CodeSection {
  /** `unknown` when the migrations cannot be replayed (`notes` says why). */
  readonly status: 'clean' | 'differs' | 'skipped' | 'unknown'
  readonly notes: readonly string[]
  /** What `tidemark generate` would write, in words. */
  readonly changes: readonly { readonly description: string; readonly hazards: readonly Hazard[] }[]
}

/** Does the journal in the database agree with the migration files? */
export interface JournalSection {
  readonly status: 'clean' | 'findings'
  readonly applied: readonly string[]
  readonly pending: readonly string[]
  /** Applied, but the file's checksum is no longer the one recorded. */
  readonly edited: readonly string[]
  /** Applied, but the file is gone. */
  readonly missing: readonly string[]
  /** Pending, but older than the latest applied migration. */
  readonly outOfOrder: readonly string[]
  /** Started and never finished (a no-transaction migration interrupted or still running). */
  readonly unfinished: readonly string[]
}

/**
 * Compares the live database with its migrations and the code: drift (the database against a
 * replay of the migrations applied to it), code ahead of or behind the migrations, and the journal
 * against the files. Reads the live database only.
 */
export async function checkDatabase(options: CheckOptions): Promise<CheckReport> {
  const exclude = [{ schema: options.journal.schema, table: options.journal.table }]
  options.onStep?.('Reading the journal')
  const rows = await readJournal(options.db, options.journal)
  const status = migrationStatus(rows, options.folder)
  const journal: JournalSection = {
    status:
      status.pending.length + status.edited.length + status.missing.length + status.unfinished.length > 0
        ? 'findings'
        : 'clean',
    applied: status.applied,
    pending: status.pending,
    edited: status.edited,
    missing: status.missing,
    outOfOrder: status.outOfOrder,
    unfinished: status.unfinished,
  }

  options.onStep?.('Reading the live database')
  // Owned by a role that applied migrations is owned as the migrations say.
  const roles = await migrationRolesOption(options.db, options.journal, rows)
  const live = await introspect(options.db, { exclude, schemas: options.schemas, ...roles })

  const applied = new Set(status.applied)
  const appliedFolder = {
    ...options.folder,
    migrations: options.folder.migrations.filter((m) => applied.has(m.name)),
  }
  const everythingApplied = appliedFolder.migrations.length === options.folder.migrations.length

  // The code question replays every migration; when all are applied, that replay serves both.
  const code = await checkCode(options, status)
  let drift: DriftSection
  if (status.missing.length > 0) {
    drift = unknownDrift(missingNote(status.missing), status, applied.size)
  } else {
    const expected =
      everythingApplied && code.history !== undefined
        ? { model: code.history }
        : await replayApplied(appliedFolder, options, status)
    drift =
      'failure' in expected
        ? unknownDrift(expected.failure, status, applied.size)
        : checkDrift(live, restrictToSchemas(expected.model, options.schemas), status, applied.size)
  }
  return { version: 1, drift, code: code.section, journal }
}

/** What the applied migrations build, or why they cannot be replayed. */
async function replayApplied(
  appliedFolder: MigrationFolder,
  options: CheckOptions,
  status: MigrationStatus,
): Promise<{ model: SchemaModel } | { failure: string }> {
  options.onStep?.(`Replaying ${appliedFolder.migrations.length} applied migrations`)
  try {
    return { model: (await readHistoryModel(appliedFolder, options)).model }
  } catch (error) {
    const failure = replayFailureNote(error, options.folder, status)
    if (failure === undefined) throw error
    return { failure }
  }
}

function missingNote(missing: readonly string[]): string {
  return `Applied migration${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from the folder, so what the database should hold cannot be replayed. Restore the files to check for drift.`
}

function editedNotes(edited: readonly string[]): string[] {
  return edited.map((name) => `${name} was edited after it was applied; it was replayed as the file is now.`)
}

function unknownDrift(why: string, status: MigrationStatus, appliedCount: number): DriftSection {
  return {
    status: 'unknown',
    notes: [why, ...editedNotes(status.edited)],
    appliedMigrations: appliedCount,
    findings: [],
    reconcile: { sql: [], hazards: [] },
  }
}

function checkDrift(
  live: SchemaModel,
  expected: SchemaModel,
  status: MigrationStatus,
  appliedCount: number,
): DriftSection {
  const findings = driftFindings(diff(expected, live), expected, live)
  // Objects and an empty journal: a database made some other way, never migrated by Tidemark.
  // Dropping what it holds is not the way back; adopting it is.
  if (findings.length > 0 && appliedCount === 0 && status.unfinished.length === 0) {
    return {
      status: 'unadopted',
      notes: [unadoptedNote(findings.length)],
      appliedMigrations: 0,
      findings,
      reconcile: { sql: [], hazards: [] },
    }
  }
  const back = diff(live, expected)
  return {
    status: findings.length === 0 ? 'clean' : 'drifted',
    notes: editedNotes(status.edited),
    appliedMigrations: appliedCount,
    findings,
    reconcile: {
      sql: renderChanges(back).map((statement) => `${statement};`),
      hazards: back.flatMap((change) => change.hazards),
    },
  }
}

function unadoptedNote(objects: number): string {
  return (
    `The database holds ${objects} object${objects === 1 ? '' : 's'} but records no applied migration: Tidemark has never migrated it. ` +
    "Adopt it: 'tidemark baseline' records the migrations it already holds as applied (--to NAME for " +
    "the last one), after checking that it matches them; if it holds more than the migrations build, 'tidemark generate " +
    "--from-db' first writes the difference as a migration."
  )
}

/** Every rename candidate is taken as a drop and an add: check only reports, and asks nothing. */
const noRenames: RenameResolver = async (candidates, decided) => ({
  renames: decided.renames,
  dropped: new Set([...decided.dropped, ...candidates.map((c) => c.from)]),
})

async function checkCode(
  options: CheckOptions,
  status: MigrationStatus,
): Promise<{ section: CodeSection; history: SchemaModel | undefined }> {
  if (options.desired === undefined) {
    return {
      section: {
        status: 'skipped',
        notes: ['No schema modules are configured, so the code was not compared with the migrations.'],
        changes: [],
      },
      history: undefined,
    }
  }
  options.onStep?.(`Replaying ${options.folder.migrations.length} migrations and loading the schema`)
  let plan: MigrationPlan
  try {
    plan = await planMigration({
      folder: options.folder,
      desired: options.desired.model,
      authoredDefaults: options.desired.authoredDefaults,
      journal: options.journal,
      shadow: options.shadow,
      resolveRenames: noRenames,
    })
  } catch (error) {
    const note = replayFailureNote(error, options.folder, status)
    if (note === undefined) throw error
    return { section: { status: 'unknown', notes: [note], changes: [] }, history: undefined }
  }
  return {
    section: {
      status: plan.up.length === 0 ? 'clean' : 'differs',
      notes: [],
      changes: plan.up.map((change) => ({ description: describeChange(change), hazards: change.hazards })),
    },
    history: plan.current,
  }
}
