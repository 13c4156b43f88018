/**
 * Tidemark: PostgreSQL schema as code, typed SQL, and migrations that catch schema drift.
 *
 * This entry holds what every dialect shares: the `sql` tag, the Database interface the driver
 * adapters implement, errors, and the schema model. Schema declarations live in `tidemark/pg`;
 * drivers in `tidemark/pglite`, `tidemark/node-postgres` and `tidemark/postgres-js`.
 */

export type {
  Database,
  DatabaseOptions,
  Executable,
  Queryable,
  QueryEvent,
  QueryResult,
  ResultDecoders,
  Transaction,
  TransactionOptions,
} from './database/database.js'
export { createDatabase } from './database/database.js'
export type { Driver, DriverConnection, RawField, RawResult } from './database/driver.js'
export { DatabaseError, type DatabaseErrorKind, TidemarkError } from './errors.js'
export { SchemaError } from './model/schema-error.js'
export { serializeModel } from './model/serialize.js'
export type * from './model/types.js'
export type { InferInsert, InferSelect, SelectValue } from './schema/infer.js'
export { type CompiledQuery, type CompileOptions, compile } from './sql/compile.js'
export { type Chunk, type ParamEncoder, SQL, sql } from './sql/sql.js'
