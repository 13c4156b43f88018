import type { TableModel } from '../../../model/types.js'
import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import type { EmitContext } from './emit-context.js'
import { type TableLevel, tableExtras } from './emit-table-extras.js'
import { partitionBoundCode } from './partition-bound-code.js'

/**
 * `partition(events, 'events_2026', { from: ..., to: ... }, (t) => [...extras])`. `columnsFrom` is
 * the partition with its parent's columns, which its extras name through `t`.
 */
export function emitPartition(
  context: EmitContext,
  table: TableModel,
  columnsFrom: TableModel,
  parent: TableModel,
): JsNode {
  const of = table.partitionOf!
  const args: JsNode[] = [
    js.identifier(context.symbols.variable('table', parent)),
    js.string(table.name),
    partitionBoundCode(of.bound, () => context.imports.use('sql')),
  ]
  const level: TableLevel = { primaryKey: true, uniques: table.uniques, foreignKeys: table.foreignKeys }
  const extras = tableExtras(context, columnsFrom, level)
  const schema: JsProperty[] =
    table.schema === parent.schema ? [] : [{ key: 'schema', value: js.string(table.schema) }]
  if (extras.length > 0 || schema.length > 0) args.push(js.arrow(['t'], js.array(extras)))
  if (schema.length > 0) args.push(js.object(schema))
  return js.call(js.identifier(context.imports.use('partition')), args)
}
