/**
 * The schema DSL: what schema files declare tables, types and routines with. `tidemark/pg`
 * re-exports it; nothing outside dialects/pg imports a DSL module by its own path.
 */
export { bytea, json, jsonb } from './columns/binary-and-json.js'
export {
  type DateTimeMode,
  date,
  type IntervalFields,
  interval,
  time,
  timestamp,
  timestamptz,
  timetz,
} from './columns/datetime.js'
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
} from './columns/numbers.js'
export { boolean, char, cidr, inet, macaddr, text, uuid, varchar } from './columns/text.js'
export {
  type CompositeTypeOptions,
  type CompositeValue,
  compositeType,
  type PgCompositeType,
} from './composite-type.js'
export { type CustomTypeDefinition, customType } from './custom-type.js'
export { type DomainOptions, domain, type PgDomain } from './domain.js'
export { type EnumTypeOptions, enumType, type PgEnum } from './enum-type.js'
export { type PgNamespace, type SchemaOptions, schema } from './namespace.js'
export { type ExtensionOptions, extension, type PgExtension } from './objects/extension.js'
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
} from './objects/grant.js'
export {
  type FunctionOptions,
  type PgRoutine,
  type ProcedureOptions,
  pgFunction,
  procedure,
  type RoutineType,
  type WrittenRoutineOptions,
} from './objects/routine.js'
export {
  type PgTrigger,
  type TriggerEvent,
  type TriggerOptions,
  trigger,
} from './objects/trigger.js'
export { type PgSequence, sequence } from './sequence.js'
