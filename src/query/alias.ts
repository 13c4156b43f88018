import { type AnyColumn, Column } from '../schema/column.js'
import type { tableColumns } from '../schema/table.js'
import { type AnyTable, type ColumnMap, type Table, tableDefinition } from '../schema/table.js'
import { type Chunk, toSqlChunk } from '../sql/sql.js'
import { setOwnProperty } from '../util/own-property.js'

const originals = new WeakMap<object, AnyTable>()

type ColumnsOf<T> = T extends { readonly [tableColumns]: infer C extends ColumnMap } ? C : never

/**
 * The same table under another name, for self-joins and readability: its columns are qualified by
 * the alias. An alias is not a schema object: toModel() ignores it.
 *
 * @example
 * const manager = alias(employees, 'manager')
 * db.select().from(employees).leftJoin(manager, eq(employees.managerId, manager.id))
 * // ... from "public"."employees" left join "public"."employees" as "manager" on ...
 */
export function alias<T extends AnyTable, A extends string>(table: T, name: A): Table<A, ColumnsOf<T>> {
  if (typeof name !== 'string' || name === '') throw new TypeError('alias() needs a non-empty name')
  const original = originals.get(table) ?? table
  const definition = original[tableDefinition]
  const owner = { schema: definition.schema, name }
  const columns: Record<string, AnyColumn> = {}
  for (const [key, column] of Object.entries(definition.columns)) {
    setOwnProperty(columns, key, new Column(column.config, owner, key))
  }
  const aliased = Object.freeze({
    ...columns,
    [tableDefinition]: { ...definition, name, columns: Object.freeze(columns) },
    [toSqlChunk]: (): Chunk => ({ kind: 'identifier', names: [name] }),
    $name: name,
  })
  originals.set(aliased, original)
  return aliased as unknown as Table<A, ColumnsOf<T>>
}

/** The table an alias stands for, or undefined for a table itself. */
export function aliasedTable(table: object): AnyTable | undefined {
  return originals.get(table)
}
