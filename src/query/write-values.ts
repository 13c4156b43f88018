import type { AnyColumn } from '../schema/column.js'
import type { InferInsert, InferSelect } from '../schema/infer.js'
import { type AnyTable, tableDefinition } from '../schema/table.js'
import type { SQL } from '../sql/sql.js'
import type { FieldNode, SetNode } from './ast.js'
import type { Placeholder } from './placeholder.js'
import { fieldsOf, type Selection, sourceInfo } from './selection.js'
import { valueNode } from './values.js'

/** A value written to a column: its JS value, an expression of its type, a `sql` fragment or a placeholder. */
export type WriteValue<V> = V | { readonly $value: V | null } | SQL | Placeholder

/** One row for `insert().values()`: required keys where the column has no default. */
export type InsertValues<T> = { [K in keyof InferInsert<T>]: WriteValue<InferInsert<T>[K]> }

/** The columns `update().set()` and `onConflictDoUpdate` may change (generated ones excluded). */
export type UpdateValues<T> = {
  [K in keyof InferInsert<T>]?: WriteValue<K extends keyof InferSelect<T> ? InferSelect<T>[K] : never>
}

/** A column of the table by its property name; a key the table lacks is an error, not a silent skip. */
export function columnByKey(table: AnyTable, key: string): AnyColumn {
  const columns = table[tableDefinition].columns
  if (!Object.hasOwn(columns, key)) {
    throw new TypeError(`Table ${table[tableDefinition].name} has no column ${JSON.stringify(key)}`)
  }
  return columns[key]!
}

/** SET items from an object of values; undefined values are left out. */
export function setNodes(table: AnyTable, values: Readonly<Record<string, unknown>>): SetNode[] {
  const set: SetNode[] = []
  for (const key of Object.keys(values)) {
    const value = values[key]
    if (value === undefined) continue
    const column = columnByKey(table, key)
    set.push({ column, value: valueNode(value, column.config.type.encode) })
  }
  if (set.length === 0) throw new TypeError('set(): no values to set')
  return set
}

/** RETURNING fields: every column of the table, or a selection. */
export function returningFields(table: AnyTable, selection: Selection | undefined): readonly FieldNode[] {
  return selection === undefined ? sourceInfo(table).flatFields : fieldsOf(selection)
}
