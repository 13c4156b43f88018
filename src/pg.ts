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

import { renderCreate as renderCreateStage } from './dialects/pg/ddl/render-create.js'
import { introspect as introspectStage } from './dialects/pg/introspect/index.js'
import { toModel as toModelStage } from './dialects/pg/to-model/to-model.js'

export { bytea, json, jsonb } from './dialects/pg/dsl/columns/binary-and-json.js'
export {
  type DateTimeMode,
  date,
  type IntervalFields,
  interval,
  time,
  timestamp,
  timestamptz,
  timetz,
} from './dialects/pg/dsl/columns/datetime.js'
export {
  type BigintMode,
  bigint,
  bigserial,
  doublePrecision,
  integer,
  type NumericMode,
  numeric,
  real,
  serial,
  smallint,
  smallserial,
} from './dialects/pg/dsl/columns/numbers.js'
export { boolean, char, cidr, inet, macaddr, text, uuid, varchar } from './dialects/pg/dsl/columns/text.js'
export {
  type CompositeTypeOptions,
  type CompositeValue,
  compositeType,
  type PgCompositeType,
} from './dialects/pg/dsl/composite-type.js'
export { type CustomTypeDefinition, customType } from './dialects/pg/dsl/custom-type.js'
export { type DomainOptions, domain, type PgDomain } from './dialects/pg/dsl/domain.js'
export { type EnumTypeOptions, enumType, type PgEnum } from './dialects/pg/dsl/enum-type.js'
export { type PgNamespace, type SchemaOptions, schema } from './dialects/pg/dsl/namespace.js'
export { type ExtensionOptions, extension, type PgExtension } from './dialects/pg/dsl/objects/extension.js'
export {
  type ColumnPrivilege,
  type GrantTarget,
  grant,
  type PgGrant,
  type Privilege,
  type RelationGrantOptions,
  type RoutineGrantOptions,
  type RoutinePrivilege,
  type SchemaGrantOptions,
  type SchemaPrivilege,
  type SequenceGrantOptions,
  type SequencePrivilege,
  type TablePrivilege,
} from './dialects/pg/dsl/objects/grant.js'
export {
  type FunctionOptions,
  type PgRoutine,
  type ProcedureOptions,
  pgFunction,
  procedure,
  type RoutineType,
  type WrittenRoutineOptions,
} from './dialects/pg/dsl/objects/routine.js'
export {
  type PgTrigger,
  type TriggerEvent,
  type TriggerOptions,
  trigger,
} from './dialects/pg/dsl/objects/trigger.js'
export { type PgSequence, sequence } from './dialects/pg/dsl/sequence.js'
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
