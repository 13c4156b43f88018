/**
 * `tidemark/pg`: declare a PostgreSQL schema in TypeScript, and turn it into the schema model and
 * CREATE statements.
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

export { renderCreate } from './dialects/pg/ddl/index.js'
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
export { type IntrospectOptions, introspect } from './dialects/pg/introspect/index.js'
export { toModel } from './dialects/pg/to-model/index.js'
export { type Casing, snakeCase } from './schema/casing.js'
export { type AnyColumn, Column, type ColumnFlag, type RefFlag } from './schema/column.js'
export type { ColumnType } from './schema/column-type.js'
export { comment } from './schema/comment.js'
export { check, foreignKey, primaryKey, unique } from './schema/constraints.js'
export { asc, desc, Index, IndexElement, index, uniqueIndex } from './schema/indexes.js'
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
