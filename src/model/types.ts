/**
 * The schema model: one plain, JSON-serializable description of a database schema. It is produced
 * from TypeScript schema code (`toModel`), and later from a live database and from replayed migration
 * history, so that any two can be compared field for field.
 *
 * Conventions:
 * - Every collection is sorted (by schema, then name), except table columns, which keep their
 *   declaration order (PostgreSQL keeps it too).
 * - Names are exactly as in the database, never quoted. Types and literal defaults are SQL text
 *   written the way PostgreSQL prints them (format_type, pg_get_expr) with an empty search_path, so
 *   user types are schema-qualified (`public.role`) and built-in ones are not.
 * - Expressions written with `sql` (expression defaults, checks, generated columns, index keys and
 *   predicates, view queries) are kept as written. PostgreSQL rewrites them in its own canonical form
 *   (`balance >= 0` is stored as `(balance >= (0)::numeric)`), which only its own parser can
 *   reproduce; comparisons load both sides into a database first rather than guessing.
 * - 64-bit numbers (sequence bounds) are decimal strings, never JS numbers.
 * - Comments (tables, columns, views and their columns, indexes, table constraints, policies, enums,
 *   domains, composite types) are their exact text, or null for none: PostgreSQL keeps no empty comment
 *   (`COMMENT ... IS ''` removes it), so an empty one is null too.
 */
export interface SchemaModel {
  readonly dialect: 'postgresql'
  /** Bumped when the model's shape changes. */
  readonly version: 1
  /** Schemas (namespaces) other than `public` that the schema uses or declares. */
  readonly schemas: readonly string[]
  readonly enums: readonly EnumModel[]
  /** CREATE DOMAIN, sorted by schema and name. */
  readonly domains: readonly DomainModel[]
  /** Standalone composite types (CREATE TYPE ... AS (...)), sorted by schema and name. */
  readonly compositeTypes: readonly CompositeTypeModel[]
  readonly sequences: readonly SequenceModel[]
  readonly tables: readonly TableModel[]
  readonly views: readonly ViewModel[]
  /**
   * Objects defined by a CREATE statement: extensions, functions, procedures and triggers (which the
   * schema DSL declares), and aggregates, range types and rules (read from a database and kept as
   * the migrations created them). Compared by their definition as PostgreSQL prints it, so code is
   * compared with a database only after loading it into one.
   */
  readonly definedObjects: readonly DefinedObjectModel[]
  /**
   * GRANT: one entry per privilege held by a role other than the object's owner (whose own
   * privileges are implicit), on the schemas, tables, views, sequences and routines of the model.
   * PostgreSQL's own default for a new routine, EXECUTE for PUBLIC, is listed like any other grant,
   * so a routine without it is one whose EXECUTE was revoked from PUBLIC. Sorted (see grants.ts).
   */
  readonly grants: readonly GrantModel[]
  /**
   * ALTER ... OWNER TO: the objects owned by a role other than the one that applies the migrations,
   * with that role. Absent (or empty) when every object is owned by the migrations' role, which is
   * what a migration's CREATE gives it: schema code declares no owners. Sorted (see owners.ts).
   */
  readonly owners?: readonly OwnerModel[]
}

/**
 * What an owner is kept for. A sequence owned by a column is not listed: it always has its table's
 * owner (ALTER TABLE ... OWNER TO moves it along).
 */
export type OwnedObjectKind =
  | 'schema'
  | 'table'
  | 'view'
  | 'materialized view'
  | 'sequence'
  | 'function'
  | 'procedure'
  | 'enum'
  | 'domain'
  | 'composite type'

export interface OwnerModel {
  readonly on: OwnedObjectKind
  /** The object's schema; for a schema, that schema. */
  readonly schema: string
  /** The object's name (a routine's with its argument types, as in `definedObjects`); for a schema, its name. */
  readonly name: string
  /** The role that owns it. */
  readonly owner: string
}

/** What a grant is on: `table` covers views, materialized views and partitions too (GRANT ... ON TABLE). */
export type GrantObjectKind = 'schema' | 'table' | 'sequence' | 'function' | 'procedure'

export interface GrantModel {
  readonly on: GrantObjectKind
  /** The object's schema; for a grant on a schema, that schema. */
  readonly schema: string
  /** The object's name (a routine's with its argument types, as in `definedObjects`); for a schema, its name. */
  readonly name: string
  /** A column-level grant's column (tables and views only), or null for the whole object. */
  readonly column: string | null
  /** The role that holds the privilege; `public` for PUBLIC. */
  readonly grantee: string
  /** `SELECT`, `INSERT`, `UPDATE`, `DELETE`, `TRUNCATE`, `REFERENCES`, `TRIGGER`, `MAINTAIN`, `USAGE`, `CREATE`, `EXECUTE`. */
  readonly privilege: string
  /** WITH GRANT OPTION: the grantee may grant it on. */
  readonly grantable: boolean
}

export type DefinedObjectKind =
  | 'extension'
  | 'function'
  | 'procedure'
  | 'aggregate'
  | 'range type'
  | 'trigger'
  | 'rule'
  | 'cast'
  | 'publication'
  | 'statistics object'

/** ENABLE (origin, the default) / ENABLE ALWAYS / ENABLE REPLICA / DISABLE TRIGGER. */
export type TriggerState = 'origin' | 'always' | 'replica' | 'disabled'

export interface DefinedObjectModel {
  readonly kind: DefinedObjectKind
  /** The object's schema (an extension's: the schema it was installed into). */
  readonly schema: string
  /** The name; routines carry their argument types (`touch(integer, text)`) since they can be overloaded. */
  readonly name: string
  /** The table a trigger, policy, rule or statistics object belongs to, or null. */
  readonly table: string | null
  /** SQL that creates the object as it is (pg_get_functiondef, pg_get_triggerdef, ...), normalized. */
  readonly definition: string
  /** COMMENT ON the object: the exact text, or null when there is none. */
  readonly comment: string | null
  /** A trigger's firing state; null for every other kind. */
  readonly enabled: TriggerState | null
}

export interface EnumModel {
  readonly schema: string
  readonly name: string
  /** Labels in their declared (sort) order. */
  readonly values: readonly string[]
  /** COMMENT ON TYPE: the exact text, or null when there is none. */
  readonly comment: string | null
}

export interface DomainModel {
  readonly schema: string
  readonly name: string
  /** The base type as format_type() prints it: `text`, `character varying(10)`, `public.role`. */
  readonly type: string
  readonly notNull: boolean
  /** The default: a literal as pg_get_expr() prints it, an expression as written, or null. */
  readonly default: string | null
  /** COLLATE, when it differs from the base type's: bare in pg_catalog (`C`), qualified elsewhere. */
  readonly collation: string | null
  /** CHECK constraints, sorted by name; expressions use VALUE for the value checked. */
  readonly checks: readonly CheckModel[]
  /** COMMENT ON DOMAIN: the exact text, or null when there is none. */
  readonly comment: string | null
}

export interface CompositeTypeModel {
  readonly schema: string
  readonly name: string
  /** The attributes in their order; a type is format_type()'s text, arrays included (`text[]`). */
  readonly attributes: readonly CompositeAttributeModel[]
  /** COMMENT ON TYPE: the exact text, or null when there is none. */
  readonly comment: string | null
}

export interface CompositeAttributeModel {
  readonly name: string
  readonly type: string
  /** COLLATE, when it differs from the type's own, printed as for domains; null otherwise. */
  readonly collation: string | null
}

export interface SequenceModel {
  readonly schema: string
  readonly name: string
  readonly type: 'smallint' | 'integer' | 'bigint'
  readonly start: string
  readonly increment: string
  readonly minValue: string
  readonly maxValue: string
  readonly cache: string
  readonly cycle: boolean
  /** The column whose drop drops the sequence (serial columns), if any. */
  readonly ownedBy: { readonly table: string; readonly column: string } | null
}

export interface TableModel {
  readonly schema: string
  readonly name: string
  readonly columns: readonly ColumnModel[]
  readonly primaryKey: PrimaryKeyModel | null
  readonly uniques: readonly UniqueModel[]
  readonly foreignKeys: readonly ForeignKeyModel[]
  readonly checks: readonly TableCheckModel[]
  readonly indexes: readonly IndexModel[]
  /** COMMENT ON TABLE: the exact text, or null when there is none. */
  readonly comment: string | null
  /**
   * relrowsecurity and relforcerowsecurity, kept apart as PostgreSQL keeps them: `forced` without
   * `enabled` is legal and has no effect until row-level security is enabled.
   */
  readonly rowLevelSecurity: RowLevelSecurityModel
  /** CREATE POLICY, sorted by name. */
  readonly policies: readonly PolicyModel[]
  /** PARTITION BY: how a partitioned table splits its rows, or null for a table that is not partitioned. */
  readonly partitionBy: PartitionKeyModel | null
  /** WITH (...): storage parameters set on the table (those of its TOAST table prefixed `toast.`). */
  readonly storageParameters: readonly StorageParameterModel[]
  /** CREATE UNLOGGED TABLE: not written to the write-ahead log, emptied after a crash. */
  readonly unlogged: boolean
  /** REPLICA IDENTITY: what logical replication records of an updated or deleted row. */
  readonly replicaIdentity: ReplicaIdentityModel
  /**
   * PARTITION OF: for a partition, its parent and bound, or null. A partition's columns, and the keys,
   * constraints and indexes PostgreSQL copies from its parent, are the parent's: the partition lists
   * only what is its own (normally no column at all).
   */
  readonly partitionOf: PartitionOfModel | null
}

/**
 * One storage parameter of a table, index or view (`fillfactor`, `autovacuum_enabled`,
 * `security_invoker`, ...): its name, and its value as PostgreSQL keeps it (`70`, `false`, `local`).
 * Lists of them are sorted by name.
 */
export interface StorageParameterModel {
  readonly name: string
  readonly value: string
}

/** REPLICA IDENTITY DEFAULT (the primary key), FULL, NOTHING, or USING INDEX `index`. */
export interface ReplicaIdentityModel {
  readonly kind: 'default' | 'full' | 'nothing' | 'index'
  /** The index for `index`, else null. */
  readonly index: string | null
}

export type PartitionStrategy = 'range' | 'list' | 'hash'

export interface PartitionKeyModel {
  readonly strategy: PartitionStrategy
  /**
   * The key between the brackets of PARTITION BY RANGE (...), as pg_get_partkeydef prints it: columns
   * quoted only where PostgreSQL would quote them (`created_at, "Region"`), expressions as written in
   * code, or as PostgreSQL prints them when read back.
   */
  readonly key: string
}

export interface PartitionOfModel {
  readonly schema: string
  readonly table: string
  /**
   * `FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')`, `FOR VALUES IN ('eu')`,
   * `FOR VALUES WITH (modulus 4, remainder 0)` or `DEFAULT`: as written from code, or as
   * pg_get_expr(relpartbound) prints it when read back (values in their type's output form).
   */
  readonly bound: string
}

export type PolicyCommand = 'all' | 'select' | 'insert' | 'update' | 'delete'

export interface PolicyModel {
  readonly name: string
  /** AS PERMISSIVE (any one lets a row through) or, false, AS RESTRICTIVE (every one must). */
  readonly permissive: boolean
  readonly command: PolicyCommand
  /** Role names, sorted; `public` for PUBLIC. */
  readonly roles: readonly string[]
  /** USING: the expression as written in code, or as PostgreSQL prints it when read back. */
  readonly using: string | null
  /** WITH CHECK, likewise. */
  readonly withCheck: string | null
  /** COMMENT ON POLICY: the exact text, or null when there is none. */
  readonly comment: string | null
}

export interface RowLevelSecurityModel {
  /** ENABLE ROW LEVEL SECURITY: policies apply to everyone but the table's owner and superusers. */
  readonly enabled: boolean
  /** FORCE ROW LEVEL SECURITY: policies apply to the table's owner too. */
  readonly forced: boolean
}

export interface ColumnModel {
  readonly name: string
  /** As format_type() prints it: `integer`, `character varying(40)`, `timestamp(3) with time zone`, `public.role[]`. */
  readonly type: string
  /** Declared array dimensions (0 for a scalar). */
  readonly dimensions: number
  readonly notNull: boolean
  /** The default: a literal exactly as pg_get_expr() prints it, an expression as written, or null. */
  readonly default: string | null
  readonly identity: IdentityModel | null
  /** GENERATED ALWAYS AS (expression) STORED: the expression, or null. */
  readonly generated: string | null
  /** COLLATE, when it differs from the type's own: bare in pg_catalog (`C`), qualified elsewhere. */
  readonly collation: string | null
  /** COMMENT ON COLUMN: the exact text, or null when there is none. */
  readonly comment: string | null
}

export interface IdentityModel {
  readonly generation: 'always' | 'by default'
  /** The identity's implicit sequence (`<table>_<column>_seq` unless named). */
  readonly sequence: Omit<SequenceModel, 'schema' | 'ownedBy' | 'type'>
}

export interface PrimaryKeyModel {
  readonly name: string
  readonly columns: readonly string[]
  /** COMMENT ON CONSTRAINT ... ON the table: the exact text, or null when there is none. */
  readonly comment: string | null
}

export interface UniqueModel {
  readonly name: string
  readonly columns: readonly string[]
  readonly nullsNotDistinct: boolean
  readonly deferrable: boolean
  readonly initiallyDeferred: boolean
  /** COMMENT ON CONSTRAINT ... ON the table: the exact text, or null when there is none. */
  readonly comment: string | null
}

export type ForeignKeyActionModel = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default'

export interface ForeignKeyModel {
  readonly name: string
  readonly columns: readonly string[]
  readonly references: {
    readonly schema: string
    readonly table: string
    readonly columns: readonly string[]
  }
  readonly onDelete: ForeignKeyActionModel
  readonly onUpdate: ForeignKeyActionModel
  readonly deferrable: boolean
  readonly initiallyDeferred: boolean
  /**
   * MATCH FULL: a row whose key columns are all null passes, one with only some null is refused.
   * Absent for MATCH SIMPLE, PostgreSQL's default (and what the DSL declares).
   */
  readonly matchFull?: true
  /**
   * Added NOT VALID and never validated: new rows are checked, the rows that were there are not.
   * Absent for a validated key (what the DSL declares).
   */
  readonly notValid?: true
  /** COMMENT ON CONSTRAINT ... ON the table: the exact text, or null when there is none. */
  readonly comment: string | null
}

export interface CheckModel {
  readonly name: string
  /** The boolean expression, without the CHECK keyword. */
  readonly expression: string
  /** Added NOT VALID and never validated, as for a foreign key. Absent for a validated check. */
  readonly notValid?: true
}

/** A table's CHECK constraint, which may carry a comment (a domain's checks are not commented here). */
export interface TableCheckModel extends CheckModel {
  /** COMMENT ON CONSTRAINT ... ON the table: the exact text, or null when there is none. */
  readonly comment: string | null
}

export interface IndexModel {
  readonly name: string
  readonly unique: boolean
  readonly method: string
  readonly elements: readonly IndexElementModel[]
  /** INCLUDE columns. */
  readonly include: readonly string[]
  /** The predicate of a partial index, or null. */
  readonly where: string | null
  readonly nullsNotDistinct: boolean
  /** WITH (...): the index's storage parameters (`fillfactor`, `fastupdate`, ...). */
  readonly storageParameters: readonly StorageParameterModel[]
  /** COMMENT ON INDEX: the exact text, or null when there is none. */
  readonly comment: string | null
}

/** One index key. Exactly one of `column` and `expression` is set; options belong to this key only. */
export interface IndexElementModel {
  readonly column: string | null
  readonly expression: string | null
  readonly order: 'asc' | 'desc'
  /** NULLS FIRST / LAST as PostgreSQL stores it (desc keys default to first, asc keys to last). */
  readonly nulls: 'first' | 'last'
  readonly opclass: string | null
  readonly collation: string | null
}

export interface ViewModel {
  readonly schema: string
  readonly name: string
  readonly materialized: boolean
  /** The view's query. */
  readonly definition: string
  readonly withNoData: boolean
  /**
   * WITH (...): a view's `security_barrier`, `security_invoker` and `check_option` (WITH LOCAL /
   * CASCADED CHECK OPTION), a materialized view's storage parameters.
   */
  readonly storageParameters: readonly StorageParameterModel[]
  /** Views and tables this view reads that are part of the model, as `schema.name` (for ordering). */
  readonly dependsOn: readonly string[]
  /**
   * CREATE INDEX ... ON the materialized view, sorted by name (REFRESH ... CONCURRENTLY needs a unique
   * one); always empty for a plain view, which cannot be indexed.
   */
  readonly indexes: readonly IndexModel[]
  /** COMMENT ON VIEW (or MATERIALIZED VIEW): the exact text, or null when there is none. */
  readonly comment: string | null
  /**
   * ALTER VIEW ... ALTER COLUMN ... SET DEFAULT: what an INSERT through an updatable view puts in a
   * column it leaves out, sorted by column; always empty for a materialized view.
   */
  readonly columnDefaults: readonly ViewColumnDefaultModel[]
  /** COMMENT ON COLUMN of the view's (or materialized view's) columns that have one, sorted by column. */
  readonly columnComments: readonly ViewColumnCommentModel[]
}

export interface ViewColumnCommentModel {
  readonly column: string
  /** The exact text (never empty). */
  readonly comment: string
}

export interface ViewColumnDefaultModel {
  readonly column: string
  /** The expression as written in code, or as pg_get_expr() prints it when read back. */
  readonly default: string
}
