/**
 * `tidemark/migrate`: the migration machinery for use from code, e.g. applying pending migrations
 * when a serverless function or a container starts. The `tidemark` command is built on the same
 * functions.
 *
 * @example
 * import { migrate, readMigrationFolder } from 'tidemark/migrate'
 * await migrate(db, await readMigrationFolder('./migrations'))
 */
// The changes generate and check report; diff and the rest of the schema pipeline are in
// `tidemark/model`, which an app that migrates at start-up does not load.
export type {
  Change,
  ChangeBody,
  ColumnRename,
  DiffOptions,
  Hazard,
  HazardKind,
  RenameCandidate,
  Renames,
  TableRename,
} from './diff/index.js'
export type { BaselineOptions, BaselineResult } from './migrate/baseline/baseline.js'
export type { AdoptDrizzleOptions, AdoptDrizzleResult } from './migrate/baseline/drizzle/adopt-drizzle.js'
export type { DrizzleJournal } from './migrate/baseline/drizzle/drizzle-applied.js'
export type {
  CheckOptions,
  CheckReport,
  CodeSection,
  DriftFinding,
  DriftSection,
  DriftState,
  JournalSection,
} from './migrate/check/check.js'
export type { GenerateOptions, GenerateResult } from './migrate/generate/generate.js'
export type { MigrationPlan, RenameDecisions, RenameResolver } from './migrate/generate/plan.js'
export {
  type AllowDataLoss,
  DataLossError,
  type DataLossRisk,
  DEFAULT_JOURNAL,
  type JournalOptions,
  type JournalRow,
  type MigrateDownOptions,
  type MigrateDownResult,
  type MigrateEvent,
  type MigrateOptions,
  type MigrateResult,
  MigrationError,
  type MigrationFile,
  type MigrationFolder,
  MigrationFolderError,
  MigrationHistoryError,
  MigrationSqlError,
  type MigrationStatus,
  MigrationSumError,
  migrate,
  migrateDown,
  migrationStatus,
  type ReadMigrationFolderOptions,
  readJournal,
  readMigrationFolder,
  type SumProblem,
  verifySumFile,
  writeSumFile,
} from './migrate/index.js'
// generate, check and baseline load their modules when first called: see lazy-tooling.ts.
export { adoptDrizzle, baseline, checkDatabase, generateMigration } from './migrate/lazy-tooling.js'
export { ensureRoles } from './migrate/runner/ensure-roles.js'
