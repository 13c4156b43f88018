import type { ParamEncoder, SQL } from '../sql/sql.js'

/**
 * What a column's SQL type is and how its values travel: the dialect supplies one of these for
 * every column factory (integer(), timestamp({ mode: 'string' }), an enum, a custom type).
 */
export interface ColumnType {
  /** The type as PostgreSQL's format_type() prints it, e.g. `timestamp(3) with time zone`, `integer[]`. */
  readonly sql: string
  /** Which family the type belongs to; drives validation (identity needs an integer) and defaults. */
  readonly family: TypeFamily
  /** Text from the server to the JS value. */
  readonly decode: (text: string) => unknown
  /** JS value to the text sent as a parameter (null for SQL NULL). */
  readonly encode: ParamEncoder
  /** Array dimensions: 0 for a scalar, 1 for `integer[]`, 2 for `integer[][]`. */
  readonly dimensions: number
  /** For arrays: the scalar element type (at any depth). */
  readonly element?: ColumnType
  /** The array type of this type, when the dialect has one. */
  readonly toArray?: () => ColumnType
  /** For enum columns: the enum's schema, name, labels and comment (a column may be all that names it). */
  readonly enum?: {
    readonly schema: string
    readonly name: string
    readonly values: readonly string[]
    readonly comment: string | undefined
  }
  /** For domain columns: the domain, whose base type's codec the column uses. */
  readonly domain?: DomainDeclaration
  /** For composite columns: the composite type and its attributes. */
  readonly composite?: CompositeDeclaration
  /** For serial types: the integer type the sequence and column use. */
  readonly serial?: 'smallint' | 'integer' | 'bigint'
  /** For types read in a chosen mode (bigint, numeric, timestamp, date): the JS type of the values. */
  readonly mode?: ValueMode
}

/** The JS type a moded column's values have; validation schemas check values against it. */
export type ValueMode = 'string' | 'number' | 'bigint' | 'date'

export type TypeFamily =
  | 'smallint'
  | 'integer'
  | 'bigint'
  | 'numeric'
  | 'real'
  | 'double precision'
  | 'boolean'
  | 'text'
  | 'character varying'
  | 'character'
  | 'uuid'
  | 'timestamp'
  | 'timestamptz'
  | 'date'
  | 'time'
  | 'timetz'
  | 'interval'
  | 'json'
  | 'jsonb'
  | 'bytea'
  | 'inet'
  | 'cidr'
  | 'macaddr'
  | 'enum'
  | 'composite'
  | 'array'
  | 'custom'

/** A domain as declared in code; a column may be all that names it, so it carries everything. */
export interface DomainDeclaration {
  readonly schema: string
  readonly name: string
  /** The base type: a built-in type, an enum, a composite or another domain. */
  readonly base: ColumnType
  readonly notNull: boolean
  /** A value of the base type (written as a literal) or a `sql` expression. */
  readonly default: { readonly kind: 'value' | 'sql'; readonly value: unknown } | undefined
  readonly checks: readonly { readonly name: string | undefined; readonly expression: SQL }[]
  readonly collation: string | undefined
  readonly comment: string | undefined
}

/** A composite type as declared in code. */
export interface CompositeDeclaration {
  readonly schema: string
  readonly name: string
  /** In order: the JS key, the SQL name and the type of each attribute. */
  readonly attributes: readonly { readonly key: string; readonly name: string; readonly type: ColumnType }[]
  readonly comment: string | undefined
}
