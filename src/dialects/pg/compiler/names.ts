import type { AnyColumn } from '../../../schema/column.js'
import { quoteIdent, quoteObjectName } from '../grammar/quote.js'

/**
 * Quoted names, computed once per column and kept beside it: compiling a query then only
 * concatenates strings it already has.
 */
const qualifiedNames = new WeakMap<AnyColumn, string>()
const bareNames = new WeakMap<AnyColumn, string>()

/** `"table"."column"` (the table's alias when the column belongs to an alias). */
export function qualifiedColumn(column: AnyColumn): string {
  let name = qualifiedNames.get(column)
  if (name === undefined) {
    const owner = column.table
    name =
      owner === undefined
        ? quoteObjectName(column.name)
        : `${quoteIdent(owner.name)}.${quoteObjectName(column.name)}`
    qualifiedNames.set(column, name)
  }
  return name
}

/** `"column"`, as insert column lists, SET and ON CONFLICT targets write it. */
export function bareColumn(column: AnyColumn): string {
  let name = bareNames.get(column)
  if (name === undefined) {
    name = quoteObjectName(column.name)
    bareNames.set(column, name)
  }
  return name
}

/** A column as written inside a scope that renames tables (see Writer.aliases). */
export function scopedColumn(column: AnyColumn, aliases: ReadonlyMap<string, string>): string {
  const alias = column.table === undefined ? undefined : aliases.get(column.table.name)
  return alias === undefined ? qualifiedColumn(column) : `${quoteIdent(alias)}.${bareColumn(column)}`
}
