import type { Hazard } from './change-parts.js'
import type { ColumnChange } from './families/columns.js'
import type { CompositeTypeChange } from './families/composite-types.js'
import type { ConstraintChange } from './families/constraints.js'
import type { DomainChange } from './families/domains.js'
import type { EnumChange } from './families/enums.js'
import type { ExtensionChange } from './families/extensions.js'
import type { GrantChange } from './families/grants.js'
import type { IndexChange } from './families/indexes.js'
import type { KeptAsWrittenChange } from './families/kept-as-written.js'
import type { OwnerChange } from './families/owners.js'
import type { PartitionChange } from './families/partitions.js'
import type { PolicyChange } from './families/policies.js'
import type { RoutineChange } from './families/routines.js'
import type { SchemaChange } from './families/schemas.js'
import type { SequenceChange } from './families/sequences.js'
import type { StorageParameterChange } from './families/storage-parameters.js'
import type { TableChange } from './families/tables.js'
import type { TriggerChange } from './families/triggers.js'
import type { TypeRebuildChange } from './families/type-rebuilds.js'
import type { ViewChange } from './families/views.js'

export type {
  EnumColumnUse,
  Hazard,
  HazardKind,
  ObjectRef,
  StorageTarget,
  TypeColumnUse,
} from './change-parts.js'
export type { GrantedPrivilege, GrantTarget } from './families/grants.js'

/**
 * One step of a plan without its hazards: a union discriminated by `kind`, made of one union per
 * family of objects. Each family's module in `families/` declares its changes and what the tooling
 * says about each (`changeKinds`); its renderer in `dialects/pg/ddl/families/` writes the SQL.
 */
export type ChangeBody =
  | SchemaChange
  | ExtensionChange
  | RoutineChange
  | TriggerChange
  | KeptAsWrittenChange
  | EnumChange
  | TypeChangeBody
  | SequenceChange
  | TableChange
  | ColumnChange
  | ConstraintChange
  | IndexChange
  | ViewChange
  | StorageParameterChange
  | PolicyChange
  | PartitionChange
  | OwnerChange
  | GrantChangeBody

/** GRANT and REVOKE, one role and one object each. */
export type GrantChangeBody = GrantChange

/** Changes to domains and composite types. */
export type TypeChangeBody = DomainChange | CompositeTypeChange | TypeRebuildChange

/** One step of a plan, with what can go wrong when it runs. */
export type Change = ChangeBody & { readonly hazards: readonly Hazard[] }

export type ChangeKind = ChangeBody['kind']

/** The change of one kind: `ChangeOf<'add-column'>`. */
export type ChangeOf<K extends ChangeKind> = Extract<ChangeBody, { readonly kind: K }>
