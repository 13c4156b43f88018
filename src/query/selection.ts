import { type AnyColumn, Column } from '../schema/column.js'
import { type AnyTable, isTable, tableDefinition } from '../schema/table.js'
import { isView, type View, viewDefinition } from '../schema/view.js'
import { SQL } from '../sql/sql.js'
import type { ExprNode, FieldNode, SourceNode } from './ast.js'
import { decoderOf, Expr } from './expr.js'
import { type SubqueryDefinition, subqueryDefinition } from './subquery-definition.js'
import { isQueryLike } from './values.js'

/** What `select()` and `returning()` take: columns, expressions, whole tables, nested objects. */
export type Field =
  | AnyColumn
  | SQL
  | Expr<any, any>
  | AnyTable
  | View
  | { readonly $name: string }
  | Selection
export interface Selection {
  readonly [key: string]: Field
}

/**
 * A selection that reads only the given tables: what `returning()` takes. A write knows its tables
 * when `returning()` is called, so each field is checked there, where it is written.
 */
export interface SelectionOver<Names extends string> {
  readonly [key: string]: FieldOver<Names>
}

/**
 * A column of one of the tables (or of none), an expression over them, a `sql` fragment (which
 * shares `$value`), a whole table, or a nested selection. One object type with optional markers
 * rather than a union of column, expression and source: each field is then one check instead of
 * one per member, which the type-check benchmark measures.
 */
export type FieldOver<Names extends string> =
  | {
      readonly $table?: Names
      readonly $src?: Names
      readonly $name?: Names
      readonly $value?: unknown
    }
  | SelectionOver<Names>

/** A table, view, subquery or CTE: something a query reads from. */
export interface SourceInfo {
  /** The name its columns are qualified with. */
  readonly name: string
  readonly columns: Readonly<Record<string, AnyColumn>>
  readonly node: SourceNode
  /** Its columns as a flat selection, and as a group nested under its name. */
  readonly flatFields: readonly FieldNode[]
  readonly groupFields: readonly FieldNode[]
}

const sources = new WeakMap<object, SourceInfo>()

export function sourceInfo(source: object): SourceInfo {
  let info = sources.get(source)
  if (info !== undefined) return info
  const record = source as Record<symbol, unknown>
  let name: string
  let columns: Readonly<Record<string, AnyColumn>>
  let node: SourceNode
  if (isTable(source)) {
    const definition = source[tableDefinition]
    name = definition.name
    columns = definition.columns
    node = { kind: 'table', table: source }
  } else if (isView(source)) {
    const definition = source[viewDefinition]
    name = definition.name
    columns = definition.columns
    node = { kind: 'table', table: source }
  } else if (record[subqueryDefinition] !== undefined) {
    const definition = record[subqueryDefinition] as SubqueryDefinition
    name = definition.alias
    columns = definition.columns
    node = definition.node
  } else {
    throw new TypeError('Expected a table, a view, a subquery or a CTE')
  }
  const keys = Object.keys(columns)
  info = {
    name,
    columns,
    node,
    flatFields: Object.freeze(keys.map((key) => columnField([key], columns[key]!, undefined))),
    groupFields: Object.freeze(keys.map((key) => columnField([name, key], columns[key]!, name))),
  }
  sources.set(source, info)
  return info
}

function columnField(path: readonly string[], column: AnyColumn, group: string | undefined): FieldNode {
  const key = path[path.length - 1]!
  return {
    path,
    expr: column,
    decode: column.config.type.decode,
    group,
    aliasAtTop: false,
    aliasNested: key !== column.name,
  }
}

// A selection is rebuilt on every query; its column fields are not, which keeps select() cheap.
const topLevelFields = new WeakMap<AnyColumn, Map<string, FieldNode>>()

function topLevelField(key: string, column: AnyColumn): FieldNode {
  let byKey = topLevelFields.get(column)
  if (byKey === undefined) {
    byKey = new Map()
    topLevelFields.set(column, byKey)
  }
  let field = byKey.get(key)
  if (field === undefined) {
    field = Object.freeze(columnField([key], column, undefined))
    byKey.set(key, field)
  }
  return field
}

function expressionField(path: readonly string[], expr: ExprNode): FieldNode {
  return {
    path,
    expr,
    decode: decoderOf(expr),
    group: undefined,
    aliasAtTop: true,
    aliasNested: true,
  }
}

/** Flattens a selection object into fields, in key order. */
export function fieldsOf(selection: Selection, prefix: readonly string[] = []): FieldNode[] {
  const fields: FieldNode[] = []
  for (const key of Object.keys(selection)) {
    const value: unknown = selection[key]
    const path = [...prefix, key]
    if (value instanceof Column)
      fields.push(prefix.length === 0 ? topLevelField(key, value) : columnField(path, value, undefined))
    else if (value instanceof Expr || value instanceof SQL) fields.push(expressionField(path, value))
    else if (isQueryLike(value)) {
      throw new TypeError(`select(): field ${key} is a query; wrap it in scalar() to select its value`)
    } else if (typeof value === 'object' && value !== null && isSource(value)) {
      const info = sourceInfo(value)
      for (const column of Object.keys(info.columns)) {
        fields.push(columnField([...path, column], info.columns[column]!, info.name))
      }
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      fields.push(...fieldsOf(value as Selection, path))
    } else {
      throw new TypeError(
        `select(): field ${key} is not a column, an expression, a table or an object of those`,
      )
    }
  }
  return fields
}

export function isSource(value: object): boolean {
  return isTable(value) || isView(value) || subqueryDefinition in value
}
