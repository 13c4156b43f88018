import type { PartitionKeyModel, TableModel } from '../../../model/types.js'
import { type JsNode, js } from '../../../ts-printer/js-ast.js'
import { splitTopLevel, unquoteIdentifier } from '../grammar/catalog-text.js'
import { type EmitContext, ownColumn } from './emit-context.js'
import { sqlTemplate } from './sql-template.js'

/** `partitionBy('range', t.createdAt, sql\`lower(region)\`)`: key columns through `t`, expressions as printed. */
export function emitPartitionBy(context: EmitContext, table: TableModel, key: PartitionKeyModel): JsNode {
  const names = new Set(table.columns.map((c) => c.name))
  const elements = splitTopLevel(key.key).map((element) => {
    const name = unquoteIdentifier(element)
    const identifier = /^[a-z_][a-z0-9_$]*$/.test(element) || /^"(?:[^"]|"")*"$/.test(element)
    if (identifier && names.has(name)) return ownColumn(context, table, name)
    context.imports.use('sql')
    return sqlTemplate(element)
  })
  return js.call(js.identifier(context.imports.use('partitionBy')), [js.string(key.strategy), ...elements])
}
