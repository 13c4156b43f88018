import { type Casing, checkCasing } from '../../../schema/casing.js'
import type { Column } from '../../../schema/column.js'
import { schemaObjectKind } from '../../../schema/kind.js'
import type { ColumnMap, Table } from '../../../schema/table.js'
import { type TableOptions, table } from '../../../schema/table.js'
import type { TableExtra } from '../../../schema/table-extras.js'
import { materializedView, type ViewBuilder, type ViewOptions, view } from '../../../schema/view.js'
import { type CompositeTypeOptions, compositeType, type PgCompositeType } from './composite-type.js'
import { type DomainOptions, domain, type PgDomain } from './domain.js'
import { type EnumTypeOptions, enumType, type PgEnum } from './enum-type.js'
import { type PgSequence, sequence } from './sequence.js'

/** A named PostgreSQL schema (namespace) and the factories for objects inside it. */
export interface PgNamespace {
  readonly [schemaObjectKind]: 'namespace'
  readonly name: string
  /** The casing of the tables and views declared through this object, unless they set their own. */
  readonly casing: Casing | undefined
  table<N extends string, C extends ColumnMap>(
    name: N,
    columns: C,
    extras?: (columns: C) => readonly TableExtra[],
    options?: Omit<TableOptions, 'schema'>,
  ): Table<N, C>
  view<N extends string, C extends ColumnMap = {}>(
    name: N,
    columns?: C,
    options?: Omit<ViewOptions, 'schema'>,
  ): ViewBuilder<N, C>
  materializedView<N extends string, C extends ColumnMap = {}>(
    name: N,
    columns?: C,
    options?: Omit<ViewOptions, 'schema'>,
  ): ViewBuilder<N, C>
  enumType<const V extends readonly string[]>(
    name: string,
    values: V,
    options?: Omit<EnumTypeOptions, 'schema'>,
  ): PgEnum<V[number]>
  domain<T>(name: string, base: Column<T, any>, options?: Omit<DomainOptions<T>, 'schema'>): PgDomain<T>
  compositeType<const A extends ColumnMap>(
    name: string,
    attributes: A,
    options?: Omit<CompositeTypeOptions, 'schema'>,
  ): PgCompositeType<A>
  sequence(name: string, options?: Parameters<typeof sequence>[1]): PgSequence
}

export interface SchemaOptions {
  /**
   * How the columns of this object's tables and views are named when they are declared without a
   * name: `'snake_case'` names `displayName` `display_name`. A table or view may set its own.
   */
  readonly casing?: Casing
}

/**
 * Objects in a named schema: `const auth = schema('auth'); export const users = auth.table('users', {...})`.
 * Export the schema itself too if it must exist even while empty.
 *
 * The casing is declared here, in the schema module, rather than only in tidemark.config.ts: the
 * application imports these same table objects to query, so its queries and the migrations read
 * one declaration and cannot disagree about a column's SQL name. For tables in `public`, declare
 * `const db = schema('public', { casing: 'snake_case' })` and use `db.table(...)`.
 *
 * @example
 * const db = schema('public', { casing: 'snake_case' })
 * export const users = db.table('users', { id: uuid().primaryKey(), displayName: text() })
 * // CREATE TABLE "public"."users" ("id" uuid NOT NULL, "display_name" text, CONSTRAINT "users_pkey" ...)
 */
export function schema(name: string, options: SchemaOptions = {}): PgNamespace {
  const casing = checkCasing(options.casing, `schema ${name}`)
  // A table's or view's own casing wins; one left undefined takes the schema object's.
  const cased = <O extends { readonly casing?: Casing }>(own: O | undefined) => ({
    ...own,
    casing: own?.casing ?? casing,
  })
  return Object.freeze({
    [schemaObjectKind]: 'namespace' as const,
    name,
    casing,
    table: (tableName, columns, extras, tableOptions) =>
      table(tableName, columns, extras, { ...cased(tableOptions), schema: name }),
    view: (viewName, columns, options) => view(viewName, columns, { ...cased(options), schema: name }),
    materializedView: (viewName, columns, options) =>
      materializedView(viewName, columns, { ...cased(options), schema: name }),
    enumType: (enumName, values, options) => enumType(enumName, values, { ...options, schema: name }),
    domain: (domainName, base, options) => domain(domainName, base, { ...options, schema: name }),
    compositeType: (typeName, attributes, options) =>
      compositeType(typeName, attributes, { ...options, schema: name }),
    sequence: (sequenceName, options) => sequence(sequenceName, { ...options, schema: name }),
  } satisfies PgNamespace)
}
