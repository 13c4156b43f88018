/**
 * Tidemark: PostgreSQL schema as code, typed SQL, and migrations that catch schema drift.
 *
 * This entry holds what every dialect shares: the `sql` tag, the Database interface the driver
 * adapters implement, errors, and the schema model. Schema declarations live in `tidemark/pg`;
 * drivers in `tidemark/pglite`, `tidemark/node-postgres`, `tidemark/postgres-js` and `tidemark/neon`;
 * the config file's `defineConfig` in `tidemark/config`.
 */

export { createDatabase } from './create-database.js'
export type {
  Database,
  DatabaseOptions,
  Executable,
  Queryable,
  QueryEvent,
  QueryResult,
  RelationsOption,
  ResultDecoders,
  Transaction,
  TransactionOptions,
} from './database/database.js'
export type { Driver, DriverConnection, RawField, RawResult } from './database/driver.js'
export { type ReplicasOptions, type ReplicatedDatabase, withReplicas } from './database/with-replicas.js'
export { compile } from './dialects/pg/index.js'
export { DatabaseError, type DatabaseErrorKind, TidemarkError, type UnredactedText } from './errors.js'
export { SchemaError } from './model/schema-error.js'
export { serializeModel } from './model/serialize.js'
export type * from './model/types.js'
export { avg, count, countDistinct, max, min, sum, sumDistinct } from './query/aggregates.js'
export { alias } from './query/alias.js'
export { arrayContained, arrayContains, arrayOverlaps } from './query/arrays.js'
export { cte, recursiveCte } from './query/cte.js'
export type { DeleteQuery } from './query/delete.js'
export type { CompiledStatement, Dialect, PlaceholderSlot } from './query/dialect.js'
export { excluded } from './query/excluded.js'
export type { QueryExecutor, WriteResult } from './query/executor.js'
export { type Condition, Expr } from './query/expr.js'
export type { InsertQuery, InsertStart, OnConflictDoNothing, OnConflictDoUpdate } from './query/insert.js'
export {
  jsonbContainedBy,
  jsonbContains,
  jsonbGet,
  jsonbGetText,
  jsonbHasAllKeys,
  jsonbHasAnyKey,
  jsonbHasKey,
  jsonbPathText,
} from './query/jsonb.js'
export { exists, inArray, notExists, notInArray } from './query/membership.js'
export {
  and,
  between,
  eq,
  gt,
  gte,
  ilike,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  not,
  notBetween,
  notIlike,
  notLike,
  or,
} from './query/operators.js'
export { asc, desc, OrderBy } from './query/order.js'
export { Placeholder, placeholder } from './query/placeholder.js'
export type { PreparedQuery } from './query/prepared.js'
export type { QueryBuilders, StatementStarters } from './query/query-builders.js'
export type { Joinable, RowOf, Subquery } from './query/result-types.js'
export type { QuerySQL } from './query/run-compiled.js'
export type { Runnable } from './query/runnable.js'
export { outer, type SelectQuery, type SelectStart, scalar } from './query/select.js'
export type { SetOperationQuery } from './query/set-operations.js'
export type { UpdateQuery, UpdateStart } from './query/update.js'
export type { InsertValues, UpdateValues } from './query/write-values.js'
export type { RelationalQueries, RelationalQuery, TableQuery } from './relations/find.js'
export { many, one, type RelationDeclaration } from './relations/relation.js'
export type { FindConfig, FindRow, ManyRelation, OneRelation, Relations } from './relations/types.js'
export type { InferInsert, InferSelect, SelectValue } from './schema/infer.js'
export type { CompiledQuery, CompileOptions } from './sql/compiled-query.js'
export { type Chunk, type ParamEncoder, SQL, sql, type ValueCodec } from './sql/sql.js'
export { deleteFrom, insert, select, selectDistinct, selectDistinctOn, update } from './standalone.js'
