import { type Chunk, SQL, type SqlReference, toSqlChunk } from '../sql/sql.js'
import { type Casing, nameFromKey } from './casing.js'
import type { ColumnType } from './column-type.js'
import type { ForeignKeyAction, SequenceOptions } from './options.js'

/**
 * The type-level state of a column: its JS type and a union of flags. Kept to two parameters so
 * that large schemas stay cheap for the type checker.
 * - `notNull`: the value is never NULL (not null, primary key, identity, serial)
 * - `default`: an insert may omit it (SQL default, default function, identity, serial)
 * - `generated`: computed by the database; never inserted
 * - `ref:<table>`: a foreign key to a column of the table named <table> (the SQL name, as the column
 *   type's `$table` records it)
 */
export type ColumnFlag = 'notNull' | 'default' | 'generated' | `ref:${string}`

/** The flag a foreign key to `C` adds: `ref:<table>` when `C` is bound to a table, nothing otherwise. */
export type RefFlag<C> = C extends { readonly $table: infer N extends string } ? `ref:${N}` : never

export interface ColumnDefault {
  readonly kind: 'value' | 'sql'
  readonly value: unknown
}

export interface ColumnReference {
  readonly target: () => AnyColumn
  readonly name: string | undefined
  readonly onDelete: ForeignKeyAction | undefined
  readonly onUpdate: ForeignKeyAction | undefined
}

export interface ColumnIdentity {
  readonly generation: 'always' | 'by default'
  readonly sequence: SequenceOptions
}

/** Everything a column declares, as frozen data. */
export interface ColumnConfig {
  /** The SQL name; undefined until the table binds it to its key. */
  readonly name: string | undefined
  readonly type: ColumnType
  readonly notNull: boolean
  readonly primaryKey: boolean
  readonly default: ColumnDefault | undefined
  readonly defaultFn: (() => unknown) | undefined
  readonly unique: { readonly name: string | undefined; readonly nullsNotDistinct: boolean } | undefined
  readonly references: ColumnReference | undefined
  readonly generated: SQL | undefined
  readonly identity: ColumnIdentity | undefined
  readonly checks: readonly { readonly name: string | undefined; readonly expression: SQL }[]
  /** COLLATE: how the column's text sorts and compares, when not its type's default. */
  readonly collation: string | undefined
  /** COMMENT ON COLUMN; an empty text is no comment. */
  readonly comment: string | undefined
}

/** Where a column lives once its table is built. */
export interface ColumnOwner {
  readonly schema: string
  readonly name: string
}

export type AnyColumn = Column<any, any>

/**
 * A table column. Modifiers return a new column; nothing is mutated, so a column definition can be
 * shared between tables.
 */
export class Column<T = unknown, F extends ColumnFlag = never> implements SqlReference {
  declare readonly $value: T
  declare readonly $flags: F
  readonly config: ColumnConfig
  /** Set when the column belongs to a table. */
  readonly table: ColumnOwner | undefined
  /** The property name on the table object. */
  readonly key: string | undefined

  constructor(config: ColumnConfig, table?: ColumnOwner, key?: string) {
    this.config = Object.freeze(config)
    this.table = table
    this.key = key
  }

  /** The column's SQL name (its key on the table, in the table's casing, unless given). */
  get name(): string {
    if (this.config.name === undefined) throw new Error('This column is not part of a table yet')
    return this.config.name
  }

  [toSqlChunk](): Chunk {
    return { kind: 'column', table: this.table?.name, name: this.name }
  }

  private with<U, G extends ColumnFlag>(changes: Partial<ColumnConfig>): Column<U, G> {
    return new Column<U, G>({ ...this.config, ...changes }, this.table, this.key)
  }

  /** NOT NULL. */
  notNull(): Column<T, F | 'notNull'> {
    return this.with({ notNull: true })
  }

  /**
   * A default the database applies: a value of the column's type (written as a literal in the DDL)
   * or a `sql` expression such as `sql\`now()\``.
   */
  default(value: T | SQL): Column<T, F | 'default'> {
    return this.with({ default: { kind: value instanceof SQL ? 'sql' : 'value', value } })
  }

  /** A default computed in the application when an insert omits the column (not part of the DDL). */
  defaultFn(fn: () => T | SQL): Column<T, F | 'default'> {
    return this.with({ defaultFn: fn })
  }

  /** PRIMARY KEY on this column alone (implies NOT NULL). For composite keys use `primaryKey()`. */
  primaryKey(): Column<T, F | 'notNull'> {
    return this.with({ primaryKey: true, notNull: true })
  }

  /** UNIQUE on this column alone; named `<table>_<column>_key` unless a name is given. */
  unique(name?: string, options: { nullsNotDistinct?: boolean } = {}): Column<T, F> {
    return this.with({ unique: { name, nullsNotDistinct: options.nullsNotDistinct ?? false } })
  }

  /**
   * A foreign key to one column of another table, named `<table>_<column>_fkey` unless given. The
   * column's type records the target table (`ref:<table>`).
   *
   * The target is a function so that tables may reference each other (or themselves). TypeScript
   * cannot infer the types of tables whose references form such a cycle (a circular initializer):
   * annotate the function's return type, `.references((): AnyColumn => categories.id)`. An annotated
   * reference records no target table.
   */
  references<C extends AnyColumn>(
    target: () => C,
    options: { name?: string; onDelete?: ForeignKeyAction; onUpdate?: ForeignKeyAction } = {},
  ): Column<T, F | RefFlag<C>> {
    return this.with({
      references: { target, name: options.name, onDelete: options.onDelete, onUpdate: options.onUpdate },
    })
  }

  /** A CHECK constraint written on this column; named `<table>_<column>_check` unless given. */
  check(expression: SQL, name?: string): Column<T, F> {
    return this.with({ checks: [...this.config.checks, { name, expression }] })
  }

  /**
   * COMMENT ON COLUMN: documentation kept in the database, where psql's `\d+` and other tools show
   * it. An empty text is no comment, as in PostgreSQL.
   */
  comment(text: string): Column<T, F> {
    if (typeof text !== 'string') throw new TypeError('comment() takes a string')
    return this.with({ comment: text })
  }

  /**
   * COLLATE: the collation the column's values sort and compare with, e.g. `'C'` (byte order) or
   * `'und-x-icu'`; a collation outside pg_catalog is written schema-qualified (`'app.german'`).
   */
  collate(collation: string): Column<T, F> {
    if (typeof collation !== 'string' || collation === '')
      throw new TypeError('collate() takes a collation name')
    return this.with({ collation })
  }

  /** GENERATED ALWAYS AS (expression) STORED: computed by the database, never inserted. */
  generatedAlwaysAs(expression: SQL): Column<T, F | 'generated'> {
    return this.with({ generated: expression })
  }

  /** GENERATED ALWAYS AS IDENTITY (smallint, integer and bigint columns). */
  generatedAlwaysAsIdentity(
    this: Column<number | bigint, F>,
    sequence: SequenceOptions = {},
  ): Column<T, F | 'notNull' | 'default'> {
    return this.with({ identity: { generation: 'always', sequence }, notNull: true })
  }

  /** GENERATED BY DEFAULT AS IDENTITY (smallint, integer and bigint columns). */
  generatedByDefaultAsIdentity(
    this: Column<number | bigint, F>,
    sequence: SequenceOptions = {},
  ): Column<T, F | 'notNull' | 'default'> {
    return this.with({ identity: { generation: 'by default', sequence }, notNull: true })
  }

  /** An array of this column's type: `integer().array()` is `integer[]`, typed `number[]`. */
  array(): Column<T[], F> {
    const toArray = this.config.type.toArray
    if (toArray === undefined) throw new TypeError(`Type ${this.config.type.sql} has no array form`)
    return this.with({ type: toArray() })
  }

  /** Narrows the JS type (a branded id, the shape of a json column) without changing the SQL. */
  $type<U extends T>(): Column<U, F> {
    return this as unknown as Column<U, F>
  }

  /** @internal Binds the column to its table; used by `table()`. A name given explicitly wins over the casing. */
  bind(table: ColumnOwner, key: string, casing?: Casing): Column<T, F> {
    return new Column<T, F>(
      { ...this.config, name: this.config.name ?? nameFromKey(key, casing) },
      table,
      key,
    )
  }
}

/** Creates an unbound column of a type; dialects build their column factories on this. */
export function column<T>(type: ColumnType, name?: string): Column<T, never> {
  return new Column<T, never>({
    name,
    type,
    notNull: false,
    primaryKey: false,
    default: undefined,
    defaultFn: undefined,
    unique: undefined,
    references: undefined,
    generated: undefined,
    identity: undefined,
    checks: [],
    collation: undefined,
    comment: undefined,
  })
}
