import type { Column } from '../../schema/column.js'
import { schemaObjectKind } from '../../schema/kind.js'
import type { ColumnMap, Table } from '../../schema/table.js'
import { table } from '../../schema/table.js'
import type { TableExtra } from '../../schema/table-extras.js'
import { materializedView, type ViewBuilder, type ViewOptions, view } from '../../schema/view.js'
import { type CompositeTypeOptions, compositeType, type PgCompositeType } from './composite-type.js'
import { type DomainOptions, domain, type PgDomain } from './domain.js'
import { type EnumTypeOptions, enumType, type PgEnum } from './enum-type.js'
import { type PgSequence, sequence } from './sequence.js'

/** A named PostgreSQL schema (namespace) and the factories for objects inside it. */
export interface PgNamespace {
  readonly [schemaObjectKind]: 'namespace'
  readonly name: string
  table<N extends string, C extends ColumnMap>(
    name: N,
    columns: C,
    extras?: (columns: C) => readonly TableExtra[],
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

/**
 * Objects in a named schema: `const auth = schema('auth'); export const users = auth.table('users', {...})`.
 * Export the schema itself too if it must exist even while empty.
 */
export function schema(name: string): PgNamespace {
  return Object.freeze({
    [schemaObjectKind]: 'namespace' as const,
    name,
    table: (tableName, columns, extras) => table(tableName, columns, extras, { schema: name }),
    view: (viewName, columns, options) => view(viewName, columns, { ...options, schema: name }),
    materializedView: (viewName, columns, options) =>
      materializedView(viewName, columns, { ...options, schema: name }),
    enumType: (enumName, values, options) => enumType(enumName, values, { ...options, schema: name }),
    domain: (domainName, base, options) => domain(domainName, base, { ...options, schema: name }),
    compositeType: (typeName, attributes, options) =>
      compositeType(typeName, attributes, { ...options, schema: name }),
    sequence: (sequenceName, options) => sequence(sequenceName, { ...options, schema: name }),
  } satisfies PgNamespace)
}
