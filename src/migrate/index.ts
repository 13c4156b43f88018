/** Migration files and the runner that applies them: folder, integrity sum, statement splitting, journal. */

export { downChecksum, sha256Hex, upChecksum } from './folder/checksum.js'
export { declaredHazards } from './folder/declared-hazards.js'
export {
  MigrationError,
  type MigrationErrorFields,
  MigrationFolderError,
  MigrationHistoryError,
  MigrationSqlError,
  MigrationSumError,
} from './folder/migration-errors.js'
export {
  isNoTransaction,
  type MigrationFile,
  type MigrationFolder,
  type ReadMigrationFolderOptions,
  readMigrationFolder,
  SUM_FILE,
} from './folder/migration-folder.js'
export { migrationNameProblem, migrationTimestamp } from './folder/migration-name-format.js'
export { type SqlStatement, splitStatements } from './folder/split-statements.js'
export { loadSqlParser } from './folder/sql-parser.js'
export {
  assertSumFile,
  HASH_COMMAND,
  migrationSum,
  renderSumFile,
  type SumProblem,
  type SumProblemKind,
  verifySumFile,
  writeSumFile,
} from './folder/sum-file.js'
export {
  type ApplyMigrationSqlOptions,
  applyMigrationSql,
} from './runner/apply-migration-sql.js'
export { type AllowDataLoss, DataLossError, type DataLossRisk } from './runner/data-loss.js'
export { ACCEPT_EDITED_FLAG } from './runner/history-check.js'
export {
  DEFAULT_JOURNAL,
  ensureJournal,
  type JournalOptions,
  type JournalRow,
  journalName,
  readJournal,
} from './runner/journal.js'
export { journalLockKey } from './runner/journal-lock.js'
export {
  DEFAULT_LOCK_TIMEOUT,
  type MigrateEvent,
  type MigrateOptions,
  type MigrateResult,
  migrate,
} from './runner/migrate.js'
export {
  type MigrateDownEvent,
  type MigrateDownOptions,
  type MigrateDownResult,
  migrateDown,
} from './runner/migrate-down.js'
export { compareNames, type MigrationStatus, migrationStatus } from './runner/migration-status.js'
