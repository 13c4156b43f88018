import { objectKey as key } from '../model/object-key.js'
import { typeKey } from '../model/type-order.js'
import type { SchemaModel, TableModel } from '../model/types.js'
import type { TypeColumnUse } from './changes.js'

/**
 * The columns on the type `schema.name` before the plan, in tables that stay: each steps off the type
 * while it is rebuilt and, if it is still on it after the plan, returns with its new default.
 */
export function typeColumns(
  type: { schema: string; name: string },
  source: SchemaModel,
  targetTables: ReadonlyMap<string, TableModel>,
): TypeColumnUse[] {
  const name = key(type)
  const uses: TypeColumnUse[] = []
  for (const table of source.tables) {
    const after = targetTables.get(key(table))
    if (after === undefined) continue
    for (const column of table.columns) {
      if (typeKey(column.type) !== name) continue
      const next = after.columns.find((c) => c.name === column.name)
      if (next === undefined) continue
      const back = next.type === column.type && next.dimensions === column.dimensions
      uses.push({
        table: { schema: table.schema, name: table.name },
        column: column.name,
        dimensions: column.dimensions,
        hadDefault: column.default !== null,
        default: next.default,
        back,
      })
    }
  }
  return uses
}

/** Whether any column of the model is on the type (or an array of it). */
export function typeInUse(type: { schema: string; name: string }, model: SchemaModel): boolean {
  const name = key(type)
  return model.tables.some((t) => t.columns.some((c) => typeKey(c.type) === name))
}

/**
 * Whether values of the type sit inside an array column or a composite type, where PostgreSQL
 * refuses to check them against a new domain constraint.
 */
export function typeInContainer(type: { schema: string; name: string }, model: SchemaModel): boolean {
  const name = key(type)
  return (
    model.tables.some((t) => t.columns.some((c) => typeKey(c.type) === name && c.dimensions > 0)) ||
    model.compositeTypes.some((t) => t.attributes.some((a) => typeKey(a.type) === name))
  )
}
