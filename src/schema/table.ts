import { type Chunk, type SqlReference, toSqlChunk } from '../sql/sql.js'
import { setOwnProperty } from '../util/own-property.js'
import { type Casing, checkCasing } from './casing.js'
import type { AnyColumn } from './column.js'
import { DEFAULT_SCHEMA, schemaObjectKind } from './kind.js'
import type { PartitionBound } from './partition-bound.js'
import type { TableExtra } from './table-extras.js'

export type ColumnMap = Record<string, AnyColumn>

/** Where a table's definition is kept, out of the way of its column properties. */
export const tableDefinition: unique symbol = Symbol.for('tidemark.tableDefinition')
/** Type-only: the table's columns, for row type inference. */
export declare const tableColumns: unique symbol

export interface TableDefinition {
  readonly schema: string
  readonly name: string
  /** Columns in declaration order, bound to the table. */
  readonly columns: Readonly<Record<string, AnyColumn>>
  /** Table-level constraints and indexes, evaluated when first needed (they may reference later tables). */
  readonly extras: () => readonly TableExtra[]
  /** Set for a partition (`partition()`): the table it belongs to and its bound. */
  readonly partitionOf?: PartitionOfDefinition
  /** How the columns declared without a name were named from their keys (a partition has its parent's). */
  readonly casing: Casing | undefined
  /** The keys of the columns declared without a SQL name, which the casing named. */
  readonly namedByKey: readonly string[]
}

/** The parent and bound of a partition; the bound is checked against the parent's key by toModel. */
export interface PartitionOfDefinition {
  readonly parent: AnyTable
  readonly bound: PartitionBound
}

export interface TableBase<N extends string, C extends ColumnMap> extends SqlReference {
  readonly [schemaObjectKind]: 'table'
  readonly [tableDefinition]: TableDefinition
  readonly [tableColumns]: C
  readonly $name: N
}

/**
 * The columns as a table or view exposes them: each one also records, for the type checker only,
 * the name of the table it belongs to, so a query can tell which tables its expressions read.
 */
export type OwnedColumns<N extends string, C extends ColumnMap> = {
  [K in keyof C]: C[K] & { readonly $table: N }
}

/** A table: its columns are properties (`users.email`), its definition sits behind a symbol. */
export type Table<N extends string = string, C extends ColumnMap = ColumnMap> = TableBase<N, C> &
  OwnedColumns<N, C>

export type AnyTable = TableBase<string, ColumnMap>

export interface TableOptions {
  readonly schema?: string
  /**
   * How columns declared without a name are named in SQL: `'snake_case'` names `displayName`
   * `display_name`. A name given to the column (`text('DisplayName')`) always wins. Usually set once
   * for many tables with `schema('public', { casing: 'snake_case' })`.
   */
  readonly casing?: Casing
}

/**
 * Declares a table.
 *
 * @example
 * export const users = table('users', {
 *   id: uuid().primaryKey().default(sql`gen_random_uuid()`),
 *   email: text().notNull().unique(),
 * }, (t) => [index().on(t.email)])
 */
export function table<N extends string, C extends ColumnMap>(
  name: N,
  columns: C,
  extras?: (columns: C) => readonly TableExtra[],
  options: TableOptions = {},
): Table<N, C> {
  const casing = checkCasing(options.casing, `table ${name}`)
  return defineTable(name, columns, extras, options.schema ?? DEFAULT_SCHEMA, undefined, casing)
}

/**
 * Builds a table object; `partitionOf` is set for a partition, whose columns are its parent's (bound
 * already, so they keep their parent's names).
 */
export function defineTable<N extends string, C extends ColumnMap>(
  name: N,
  columns: C,
  extras: ((columns: C) => readonly TableExtra[]) | undefined,
  schema: string,
  partitionOf: PartitionOfDefinition | undefined,
  casing: Casing | undefined,
): Table<N, C> {
  const owner = { schema, name }
  const bound: Record<string, AnyColumn> = {}
  const namedByKey: string[] = []
  for (const [key, column] of Object.entries(columns)) {
    if (column.config.name === undefined) namedByKey.push(key)
    setOwnProperty(bound, key, column.bind(owner, key, casing))
  }
  let evaluated: readonly TableExtra[] | undefined
  const definition: TableDefinition = {
    schema,
    name,
    columns: Object.freeze(bound),
    extras: () => {
      evaluated ??= Object.freeze([...(extras?.(bound as C) ?? [])])
      return evaluated
    },
    ...(partitionOf === undefined ? {} : { partitionOf }),
    casing,
    namedByKey: Object.freeze(namedByKey),
  }
  return Object.freeze({
    ...bound,
    [schemaObjectKind]: 'table' as const,
    [tableDefinition]: definition,
    [toSqlChunk]: (): Chunk => ({ kind: 'identifier', names: [schema, name] }),
    $name: name,
  }) as unknown as Table<N, C>
}

export function isTable(value: unknown): value is AnyTable {
  return typeof value === 'object' && value !== null && tableDefinition in value
}
