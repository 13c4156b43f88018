/** Migration files and the runner that applies them: folder, integrity sum, statement splitting, journal. */
export {
  type ApplyMigrationSqlOptions,
  applyMigrationSql,
} from './apply-migration-sql.js'
export { downChecksum, sha256Hex, upChecksum } from './checksum.js'
export { type AllowDataLoss, DataLossError, type DataLossRisk } from './data-loss.js'
export { declaredHazards } from './declared-hazards.js'
export { ACCEPT_EDITED_FLAG } from './history-check.js'
export {
  DEFAULT_JOURNAL,
  ensureJournal,
  type JournalOptions,
  type JournalRow,
  journalName,
  readJournal,
} from './journal.js'
export { journalLockKey } from './journal-lock.js'
export {
  DEFAULT_LOCK_TIMEOUT,
  type MigrateEvent,
  type MigrateOptions,
  type MigrateResult,
  migrate,
} from './migrate.js'
export {
  type MigrateDownEvent,
  type MigrateDownOptions,
  type MigrateDownResult,
  migrateDown,
} from './migrate-down.js'
export {
  MigrationError,
  type MigrationErrorFields,
  MigrationFolderError,
  MigrationHistoryError,
  MigrationSqlError,
  MigrationSumError,
} from './migration-errors.js'
export {
  isNoTransaction,
  type MigrationFile,
  type MigrationFolder,
  type ReadMigrationFolderOptions,
  readMigrationFolder,
  SUM_FILE,
} from './migration-folder.js'
export { migrationNameProblem, migrationTimestamp } from './migration-name.js'
export { compareNames, type MigrationStatus, migrationStatus } from './migration-status.js'
export { type SqlStatement, splitStatements } from './split-statements.js'
export { loadSqlParser } from './sql-parser.js'
export {
  assertSumFile,
  HASH_COMMAND,
  migrationSum,
  renderSumFile,
  type SumProblem,
  type SumProblemKind,
  verifySumFile,
  writeSumFile,
} from './sum-file.js'
