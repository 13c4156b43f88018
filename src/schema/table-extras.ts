import type { SQL } from '../sql/sql.js'
import type { AnyColumn } from './column.js'
import type { ForeignKeyAction } from './options.js'

/** DEFERRABLE INITIALLY IMMEDIATE or INITIALLY DEFERRED; undefined is NOT DEFERRABLE. */
export type Deferrable = 'immediate' | 'deferred'

export interface PrimaryKeySpec {
  readonly kind: 'primaryKey'
  readonly name: string | undefined
  readonly columns: readonly AnyColumn[]
  /** COMMENT ON CONSTRAINT; an empty text is no comment. */
  readonly comment?: string
}

export interface UniqueSpec {
  readonly kind: 'unique'
  readonly name: string | undefined
  readonly columns: readonly AnyColumn[]
  readonly nullsNotDistinct: boolean
  readonly deferrable: Deferrable | undefined
  /** COMMENT ON CONSTRAINT; an empty text is no comment. */
  readonly comment?: string
}

export interface ForeignKeySpec {
  readonly kind: 'foreignKey'
  readonly name: string | undefined
  readonly columns: readonly AnyColumn[]
  readonly references: () => readonly AnyColumn[]
  readonly onDelete: ForeignKeyAction | undefined
  readonly onUpdate: ForeignKeyAction | undefined
  readonly deferrable: Deferrable | undefined
  /** MATCH FULL instead of PostgreSQL's default MATCH SIMPLE. */
  readonly matchFull?: boolean
  /** COMMENT ON CONSTRAINT; an empty text is no comment. */
  readonly comment?: string
}

export interface CheckSpec {
  readonly kind: 'check'
  readonly name: string | undefined
  readonly expression: SQL
  /** COMMENT ON CONSTRAINT; an empty text is no comment. */
  readonly comment?: string
}

export type IndexMethod = 'btree' | 'hash' | 'gin' | 'gist' | 'brin' | 'spgist'

/** One key of an index: a column or an expression, with its order, nulls placement, operator class, collation. */
export interface IndexElementSpec {
  readonly target: AnyColumn | SQL
  readonly order: 'asc' | 'desc'
  readonly nulls: 'first' | 'last' | undefined
  readonly opclass: string | undefined
  readonly collation: string | undefined
}

export interface IndexSpec {
  readonly kind: 'index'
  readonly name: string | undefined
  readonly unique: boolean
  readonly elements: readonly IndexElementSpec[]
  readonly method: IndexMethod
  readonly where: SQL | undefined
  /** Columns, or `sql.identifier('column')` for a view's undeclared column. */
  readonly include: readonly (AnyColumn | SQL)[]
  readonly nullsNotDistinct: boolean
  readonly storageParameters: StorageParameters | undefined
  /** COMMENT ON INDEX; an empty text is no comment. */
  readonly comment?: string
}

/** COMMENT ON TABLE; an empty text is no comment. */
export interface CommentSpec {
  readonly kind: 'comment'
  readonly text: string
}

/** ALTER TABLE ... ENABLE ROW LEVEL SECURITY, or FORCE ROW LEVEL SECURITY: two separate flags. */
export interface RowLevelSecuritySpec {
  readonly kind: 'rowLevelSecurity'
  readonly flag: 'enabled' | 'forced'
}

export type PolicyCommand = 'all' | 'select' | 'insert' | 'update' | 'delete'

/** CREATE POLICY; roles undefined is PUBLIC. */
export interface PolicySpec {
  readonly kind: 'policy'
  readonly name: string
  readonly permissive: boolean
  readonly command: PolicyCommand
  readonly roles: readonly string[] | undefined
  readonly using: SQL | undefined
  readonly withCheck: SQL | undefined
  /** COMMENT ON POLICY; an empty text is no comment. */
  readonly comment?: string
}

export type PartitionStrategy = 'range' | 'list' | 'hash'

/** PARTITION BY RANGE / LIST / HASH over columns and expressions. */
export interface PartitionBySpec {
  readonly kind: 'partitionBy'
  readonly strategy: PartitionStrategy
  readonly elements: readonly (AnyColumn | SQL)[]
}

/** Storage parameter values as code gives them: `70`, `false`, `'local'`. */
export type StorageParameters = Readonly<Record<string, string | number | boolean>>

/** WITH (...) on a table. */
export interface StorageParametersSpec {
  readonly kind: 'storageParameters'
  readonly parameters: StorageParameters
}

/** CREATE UNLOGGED TABLE. */
export interface UnloggedSpec {
  readonly kind: 'unlogged'
}

/** REPLICA IDENTITY FULL / NOTHING / DEFAULT, or USING INDEX by the index's name. */
export interface ReplicaIdentitySpec {
  readonly kind: 'replicaIdentity'
  readonly identity: 'default' | 'full' | 'nothing' | { readonly index: string }
}

export type TableExtraSpec =
  | PrimaryKeySpec
  | StorageParametersSpec
  | UnloggedSpec
  | ReplicaIdentitySpec
  | UniqueSpec
  | ForeignKeySpec
  | CheckSpec
  | IndexSpec
  | CommentSpec
  | RowLevelSecuritySpec
  | PolicySpec
  | PartitionBySpec

/** What a table's third argument returns: builders that expose their spec. */
export interface TableExtra {
  readonly spec: TableExtraSpec
}
