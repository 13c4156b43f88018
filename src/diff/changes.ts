import type { UserType } from '../model/type-order.js'
import type {
  CheckModel,
  ColumnModel,
  CompositeAttributeModel,
  CompositeTypeModel,
  DomainModel,
  EnumModel,
  ForeignKeyModel,
  GrantObjectKind,
  IdentityModel,
  IndexModel,
  OtherObjectModel,
  PartitionOfModel,
  PolicyModel,
  PrimaryKeyModel,
  ReplicaIdentityModel,
  SequenceModel,
  StorageParameterModel,
  TableModel,
  TriggerState,
  UniqueModel,
  ViewModel,
} from '../model/types.js'

/**
 * What can go wrong when a change runs against a database with data and traffic:
 * - `data-loss`: rows or values disappear (drop table or column, narrowing type change, enum value removal)
 * - `table-rewrite`: PostgreSQL rewrites the whole table under an exclusive lock
 * - `long-lock`: a lock is held while the table is scanned or an index is built
 * - `breaking`: a running application that still uses the old shape fails (renames, dropped views)
 * - `security`: rows become visible or writable to roles that could not reach them before (row-level
 *   security disabled or no longer forced, a policy dropped)
 */
export type HazardKind = 'data-loss' | 'table-rewrite' | 'long-lock' | 'breaking' | 'security'

export interface Hazard {
  readonly kind: HazardKind
  readonly message: string
}

/** What carries storage parameters. */
export type StorageTarget = 'table' | 'index' | 'view' | 'materialized view'

/** A table, enum, sequence or view by schema and name. */
export interface ObjectRef {
  readonly schema: string
  readonly name: string
}

/** A column whose type is an enum being rebuilt, with what the rebuild must restore. */
export interface EnumColumnUse {
  readonly table: ObjectRef
  readonly column: string
  readonly dimensions: number
  /** The column has a default before the move (it is dropped first: it names the old type). */
  readonly hadDefault: boolean
  /** The default after the move. */
  readonly default: string | null
}

/**
 * A column on a domain or composite type that is rebuilt: it steps off the type (to the domain's
 * old base type, or to text for a composite), and, when `back`, returns to the new type.
 */
export interface TypeColumnUse extends EnumColumnUse {
  /** The column is still on the type after the plan (otherwise a later change gives it its new type). */
  readonly back: boolean
}

export type ChangeBody =
  | { readonly kind: 'create-schema'; readonly schema: string }
  | { readonly kind: 'drop-schema'; readonly schema: string }
  /**
   * CREATE of an object defined by its statement (extension, routine, trigger, ...), with its comment
   * and trigger state; `replaces` when it replaces a routine of the same signature in place (CREATE
   * OR REPLACE), keeping what depends on it.
   */
  | { readonly kind: 'create-other'; readonly object: OtherObjectModel; readonly replaces: boolean }
  /** DROP; `recreated` when the same plan creates it again (a routine whose result type changes). */
  | { readonly kind: 'drop-other'; readonly object: OtherObjectModel; readonly recreated: boolean }
  /** COMMENT ON an extension, routine, trigger, ... that stays; `to` null removes it. */
  | {
      readonly kind: 'set-other-comment'
      readonly object: OtherObjectModel
      readonly from: string | null
      readonly to: string | null
    }
  /** ALTER TABLE ... ENABLE [ALWAYS | REPLICA] / DISABLE TRIGGER. */
  | {
      readonly kind: 'set-trigger-state'
      readonly object: OtherObjectModel
      readonly from: TriggerState
      readonly to: TriggerState
    }
  | { readonly kind: 'create-enum'; readonly enum: EnumModel }
  | { readonly kind: 'drop-enum'; readonly enum: EnumModel }
  | {
      readonly kind: 'add-enum-value'
      readonly enum: ObjectRef
      readonly value: string
      /** The existing label it goes before, or null to append. */
      readonly before: string | null
    }
  | {
      /**
       * Removal or reordering of labels, step one: the old type steps aside under a retired name and
       * a new type takes its name, so everything created afterwards uses the new labels.
       */
      readonly kind: 'replace-enum'
      readonly from: EnumModel
      readonly to: EnumModel
    }
  | {
      /** Step two: the columns still on the retired type move to the new one, and the retired type goes. */
      readonly kind: 'move-enum-columns'
      readonly enum: EnumModel
      readonly columns: readonly EnumColumnUse[]
    }
  | TypeChangeBody
  | { readonly kind: 'create-sequence'; readonly sequence: SequenceModel }
  | { readonly kind: 'drop-sequence'; readonly sequence: SequenceModel }
  | { readonly kind: 'alter-sequence'; readonly from: SequenceModel; readonly to: SequenceModel }
  | { readonly kind: 'rename-sequence'; readonly schema: string; readonly from: string; readonly to: string }
  | { readonly kind: 'set-sequence-owner'; readonly sequence: SequenceModel }
  | { readonly kind: 'create-table'; readonly table: TableModel }
  | { readonly kind: 'drop-table'; readonly table: TableModel }
  | { readonly kind: 'rename-table'; readonly schema: string; readonly from: string; readonly to: string }
  | { readonly kind: 'add-column'; readonly table: ObjectRef; readonly column: ColumnModel }
  | { readonly kind: 'drop-column'; readonly table: ObjectRef; readonly column: ColumnModel }
  | { readonly kind: 'rename-column'; readonly table: ObjectRef; readonly from: string; readonly to: string }
  | {
      readonly kind: 'alter-column-type'
      readonly table: ObjectRef
      readonly from: ColumnModel
      readonly to: ColumnModel
    }
  | {
      readonly kind: 'set-column-default'
      readonly table: ObjectRef
      readonly column: string
      readonly default: string | null
    }
  | {
      readonly kind: 'set-column-not-null'
      readonly table: ObjectRef
      readonly column: string
      readonly notNull: boolean
    }
  | {
      readonly kind: 'add-identity'
      readonly table: ObjectRef
      readonly column: string
      readonly identity: IdentityModel
    }
  | { readonly kind: 'drop-identity'; readonly table: ObjectRef; readonly column: string }
  | {
      readonly kind: 'alter-identity'
      readonly table: ObjectRef
      readonly column: string
      readonly from: IdentityModel
      readonly to: IdentityModel
    }
  | { readonly kind: 'drop-generated'; readonly table: ObjectRef; readonly column: string }
  | { readonly kind: 'add-primary-key'; readonly table: ObjectRef; readonly primaryKey: PrimaryKeyModel }
  | { readonly kind: 'drop-primary-key'; readonly table: ObjectRef; readonly primaryKey: PrimaryKeyModel }
  | { readonly kind: 'add-unique'; readonly table: ObjectRef; readonly unique: UniqueModel }
  | { readonly kind: 'drop-unique'; readonly table: ObjectRef; readonly unique: UniqueModel }
  | { readonly kind: 'add-check'; readonly table: ObjectRef; readonly check: CheckModel }
  | { readonly kind: 'drop-check'; readonly table: ObjectRef; readonly check: CheckModel }
  | { readonly kind: 'add-foreign-key'; readonly table: ObjectRef; readonly foreignKey: ForeignKeyModel }
  | { readonly kind: 'drop-foreign-key'; readonly table: ObjectRef; readonly foreignKey: ForeignKeyModel }
  | {
      /** Renames a primary key, unique, foreign key or check constraint (and a constraint's index). */
      readonly kind: 'rename-constraint'
      readonly table: ObjectRef
      readonly from: string
      readonly to: string
    }
  | { readonly kind: 'create-index'; readonly table: ObjectRef; readonly index: IndexModel }
  | { readonly kind: 'drop-index'; readonly table: ObjectRef; readonly index: IndexModel }
  | { readonly kind: 'rename-index'; readonly schema: string; readonly from: string; readonly to: string }
  | { readonly kind: 'create-view'; readonly view: ViewModel }
  | { readonly kind: 'drop-view'; readonly view: ViewModel }
  /** CREATE INDEX on a materialized view (its `create-view` carries no indexes). */
  | { readonly kind: 'create-view-index'; readonly view: ObjectRef; readonly index: IndexModel }
  | { readonly kind: 'drop-view-index'; readonly view: ObjectRef; readonly index: IndexModel }
  /**
   * COMMENT ON an object that is there before and after: `to` null removes the comment. Objects
   * created by the plan (tables, columns, views, enums) carry theirs in their create change.
   */
  | {
      readonly kind: 'set-table-comment'
      readonly table: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }
  | {
      readonly kind: 'set-column-comment'
      readonly table: ObjectRef
      readonly column: string
      readonly from: string | null
      readonly to: string | null
    }
  | {
      readonly kind: 'set-view-comment'
      readonly view: ObjectRef
      readonly materialized: boolean
      readonly from: string | null
      readonly to: string | null
    }
  /**
   * ALTER TABLE / INDEX / VIEW / MATERIALIZED VIEW ... SET (...) for parameters set or changed,
   * RESET (...) for those removed.
   */
  | {
      readonly kind: 'set-storage-parameters'
      readonly target: StorageTarget
      readonly relation: ObjectRef
      /** The table or materialized view an index is on; null for the others. */
      readonly on: ObjectRef | null
      readonly from: readonly StorageParameterModel[]
      readonly to: readonly StorageParameterModel[]
    }
  /** ALTER TABLE ... SET UNLOGGED / SET LOGGED (either rewrites the table). */
  | { readonly kind: 'set-unlogged'; readonly table: ObjectRef; readonly unlogged: boolean }
  /** ALTER TABLE ... REPLICA IDENTITY; on a created table, after its indexes. */
  | {
      readonly kind: 'set-replica-identity'
      readonly table: ObjectRef
      readonly from: ReplicaIdentityModel
      readonly to: ReplicaIdentityModel
    }
  /** ALTER TABLE ... ENABLE / DISABLE (`enabled`) or FORCE / NO FORCE (`forced`) ROW LEVEL SECURITY. */
  | {
      readonly kind: 'set-row-level-security'
      readonly table: ObjectRef
      readonly flag: 'enabled' | 'forced'
      readonly to: boolean
    }
  /** CREATE POLICY; on a created table, after every table exists (an expression may read another). */
  | { readonly kind: 'create-policy'; readonly table: ObjectRef; readonly policy: PolicyModel }
  /** DROP POLICY; `recreated` when a policy of that name is created again by the same plan. */
  | {
      readonly kind: 'drop-policy'
      readonly table: ObjectRef
      readonly policy: PolicyModel
      readonly recreated: boolean
    }
  /** ALTER POLICY ... TO / USING / WITH CHECK for what differs. */
  | {
      readonly kind: 'alter-policy'
      readonly table: ObjectRef
      readonly from: PolicyModel
      readonly to: PolicyModel
    }
  /**
   * ALTER TABLE parent DETACH PARTITION: the partition becomes a table of its own, with its rows.
   * `reattached` when the same plan attaches it again (a changed bound or parent).
   */
  | {
      readonly kind: 'detach-partition'
      readonly table: ObjectRef
      readonly partitionOf: PartitionOfModel
      readonly reattached: boolean
    }
  /** ALTER TABLE parent ATTACH PARTITION ... FOR VALUES; `previous` is where it was detached from, if anywhere. */
  | {
      readonly kind: 'attach-partition'
      readonly table: ObjectRef
      readonly partitionOf: PartitionOfModel
      readonly previous: PartitionOfModel | null
    }
  | {
      readonly kind: 'set-enum-comment'
      readonly enum: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }
  | GrantChangeBody

/** What a GRANT or REVOKE is on: a schema, a table or view, a sequence, a routine (by its argument types). */
export interface GrantTarget {
  readonly on: GrantObjectKind
  readonly schema: string
  readonly name: string
}

/** One privilege of a GRANT or REVOKE, on the whole object (`columns` empty) or on these columns. */
export interface GrantedPrivilege {
  readonly privilege: string
  readonly columns: readonly string[]
}

/** GRANT and REVOKE, one role and one object each. */
export type GrantChangeBody =
  | {
      readonly kind: 'grant'
      readonly target: GrantTarget
      readonly grantee: string
      readonly privileges: readonly GrantedPrivilege[]
      readonly withGrantOption: boolean
    }
  | {
      /** `grantOptionOnly`: REVOKE GRANT OPTION FOR, the privileges themselves stay. */
      readonly kind: 'revoke'
      readonly target: GrantTarget
      readonly grantee: string
      readonly privileges: readonly GrantedPrivilege[]
      readonly grantOptionOnly: boolean
    }

/** Changes to domains and composite types. */
export type TypeChangeBody =
  | { readonly kind: 'create-domain'; readonly domain: DomainModel }
  | { readonly kind: 'drop-domain'; readonly domain: DomainModel }
  | {
      readonly kind: 'set-domain-default'
      readonly domain: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }
  | {
      /** SET NOT NULL checks every column of the domain (`inUse`: there are columns to check). */
      readonly kind: 'set-domain-not-null'
      readonly domain: ObjectRef
      readonly notNull: boolean
      readonly inUse: boolean
    }
  | {
      /**
       * ADD CONSTRAINT checks every column of the domain (`inUse`: there are columns to check).
       * PostgreSQL cannot check values held inside arrays or composite types: there (`validated`
       * false) the check is added NOT VALID, binding new values only.
       */
      readonly kind: 'add-domain-check'
      readonly domain: ObjectRef
      readonly check: CheckModel
      readonly inUse: boolean
      readonly validated: boolean
    }
  | { readonly kind: 'drop-domain-check'; readonly domain: ObjectRef; readonly check: CheckModel }
  | {
      /**
       * The first half of rebuilding a type: its columns step off it (a domain's to its old base
       * type, a composite's to text) and it is dropped, after the types made of it. `recreated`
       * false: a type the plan drops that stood on a rebuilt one, dropped early for that reason.
       */
      readonly kind: 'detach-type'
      readonly type: UserType
      readonly columns: readonly TypeColumnUse[]
      readonly recreated: boolean
    }
  | {
      /**
       * A new base type or collation, which ALTER DOMAIN cannot change (or a type it stands on is
       * rebuilt): once detached, the domain is created again and its columns return to it.
       */
      readonly kind: 'replace-domain'
      readonly from: DomainModel
      readonly to: DomainModel
      readonly columns: readonly TypeColumnUse[]
    }
  | {
      readonly kind: 'set-domain-comment'
      readonly domain: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }
  | { readonly kind: 'create-composite-type'; readonly type: CompositeTypeModel }
  | { readonly kind: 'drop-composite-type'; readonly type: CompositeTypeModel }
  | {
      readonly kind: 'add-composite-attribute'
      readonly type: ObjectRef
      readonly attribute: CompositeAttributeModel
    }
  | {
      readonly kind: 'drop-composite-attribute'
      readonly type: ObjectRef
      readonly attribute: CompositeAttributeModel
    }
  | {
      /** ALTER ATTRIBUTE ... TYPE: only for a type no column uses (PostgreSQL refuses it otherwise). */
      readonly kind: 'alter-composite-attribute'
      readonly type: ObjectRef
      readonly from: CompositeAttributeModel
      readonly to: CompositeAttributeModel
    }
  | {
      /**
       * Attributes reordered, or retyped while columns use the type (or a type it holds is
       * rebuilt): once detached, the type is created again and its columns return through text.
       */
      readonly kind: 'replace-composite-type'
      readonly from: CompositeTypeModel
      readonly to: CompositeTypeModel
      readonly columns: readonly TypeColumnUse[]
    }
  | {
      readonly kind: 'set-composite-type-comment'
      readonly type: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }

/** One step of a plan, with what can go wrong when it runs. */
export type Change = ChangeBody & { readonly hazards: readonly Hazard[] }

export type ChangeKind = ChangeBody['kind']
