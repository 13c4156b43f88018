/**
 * `tidemark/pg`: declare a PostgreSQL schema in TypeScript. The stages that turn it into the schema
 * model and SQL (`toModel`, `renderCreate`, ...) are in `tidemark/model`.
 *
 * @example
 * import { enumType, index, sql, table, text, timestamptz, uuid } from 'tidemark/pg'
 *
 * export const role = enumType('role', ['member', 'admin'])
 * export const users = table('users', {
 *   id: uuid().primaryKey().default(sql`gen_random_uuid()`),
 *   email: text().notNull().unique(),
 *   role: role().notNull().default('member'),
 *   createdAt: timestamptz('created_at').notNull().default(sql`now()`),
 * }, (t) => [index().on(t.createdAt)])
 */

import { renderCreate as renderCreateStage } from './dialects/pg/ddl/index.js'
import { introspect as introspectStage } from './dialects/pg/introspect/index.js'
import { toModel as toModelStage } from './dialects/pg/to-model/index.js'

export {
  type BigintMode,
  bigint,
  bigserial,
  boolean,
  bytea,
  type ColumnPrivilege,
  type CompositeTypeOptions,
  type CompositeValue,
  type CustomTypeDefinition,
  char,
  cidr,
  compositeType,
  customType,
  type DateTimeMode,
  type DomainOptions,
  date,
  domain,
  doublePrecision,
  type EnumTypeOptions,
  type ExtensionOptions,
  enumType,
  extension,
  type FunctionOptions,
  type GrantTarget,
  grant,
  type IntervalFields,
  inet,
  integer,
  interval,
  json,
  jsonb,
  macaddr,
  type NumericMode,
  numeric,
  type PgCompositeType,
  type PgDomain,
  type PgEnum,
  type PgExtension,
  type PgGrant,
  type PgNamespace,
  type PgRoutine,
  type PgSequence,
  type PgTrigger,
  type Privilege,
  type ProcedureOptions,
  pgFunction,
  procedure,
  type RelationGrantOptions,
  type RoutineGrantOptions,
  type RoutinePrivilege,
  type RoutineType,
  real,
  type SchemaGrantOptions,
  type SchemaOptions,
  type SchemaPrivilege,
  type SequenceGrantOptions,
  type SequencePrivilege,
  schema,
  sequence,
  serial,
  smallint,
  smallserial,
  type TablePrivilege,
  type TriggerEvent,
  type TriggerOptions,
  text,
  time,
  timestamp,
  timestamptz,
  timetz,
  trigger,
  uuid,
  varchar,
  type WrittenRoutineOptions,
} from './dialects/pg/dsl/index.js'
export type { IntrospectOptions } from './dialects/pg/introspect/index.js'
// The same asc() and desc() as tidemark's: ORDER BY items that are index keys too.
export { asc, desc } from './query/order.js'
export { type Casing, snakeCase } from './schema/casing.js'
export { type AnyColumn, Column, type ColumnFlag, type RefFlag } from './schema/column.js'
export type { ColumnType } from './schema/column-type.js'
export { comment } from './schema/comment.js'
export { check, foreignKey, primaryKey, unique } from './schema/constraints.js'
export { Index, IndexElement, index, uniqueIndex } from './schema/indexes.js'
export type { InferInsert, InferSelect, SelectValue } from './schema/infer.js'
export type { ForeignKeyAction, SequenceOptions } from './schema/options.js'
export { type PartitionOptions, partition } from './schema/partition.js'
export type { PartitionBound, PartitionBoundValue } from './schema/partition-bound.js'
export { partitionBy } from './schema/partition-by.js'
export { type PolicyOptions, policy } from './schema/policy.js'
export { enableRowLevelSecurity, forceRowLevelSecurity } from './schema/row-level-security.js'
export { replicaIdentity, storageParameters, unlogged } from './schema/storage.js'
export { type AnyTable, type ColumnMap, type Table, type TableOptions, table } from './schema/table.js'
export type {
  Deferrable,
  IndexMethod,
  PartitionStrategy,
  PolicyCommand,
  StorageParameters,
} from './schema/table-extras.js'
export { materializedView, type View, ViewBuilder, type ViewOptions, view } from './schema/view.js'
export { SQL, sql } from './sql/sql.js'

// Kept for code written before `tidemark/model`, which holds the whole schema pipeline; importing
// them from there keeps the pipeline out of what schema files load.
/** @deprecated Import `toModel` from `tidemark/model`, with the rest of the schema pipeline. */
export const toModel: typeof toModelStage = toModelStage
/** @deprecated Import `renderCreate` from `tidemark/model`, with the rest of the schema pipeline. */
export const renderCreate: typeof renderCreateStage = renderCreateStage
/** @deprecated Import `introspect` from `tidemark/model`, with the rest of the schema pipeline. */
export const introspect: typeof introspectStage = introspectStage
