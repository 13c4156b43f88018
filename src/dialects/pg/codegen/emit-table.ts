import type { ColumnModel, ForeignKeyModel, TableModel, UniqueModel } from '../../../model/types.js'
import { nameFromKey } from '../../../schema/casing.js'
import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import { defaultExpression } from './column-default.js'
import { spellType, typeCall } from './column-type.js'
import { type EmitContext, factory, tableColumn } from './emit-context.js'
import { tableExtras } from './emit-table-extras.js'
import { inlineConstraints } from './schema-decisions.js'
import { sequenceOptions } from './sequence-options.js'
import { sqlTemplate } from './sql-template.js'

const SERIALS = { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' } as const

/** `table('users', { ...columns }, (t) => [...extras])`, in the table's schema. */
export function emitTable(context: EmitContext, table: TableModel): JsNode {
  const inline = inlineConstraints(table, (fk) => context.targetOf(fk) !== undefined)
  const inlinePrimaryKey =
    table.primaryKey !== null &&
    table.primaryKey.columns.length === 1 &&
    !context.decisions.writesName(table.primaryKey)
  const columns: JsProperty[] = table.columns.map((column) => ({
    key: context.symbols.columnKey(table, column),
    value: emitColumn(context, table, column, {
      primaryKey: inlinePrimaryKey && table.primaryKey!.columns[0] === column.name,
      unique: inline.uniques.get(column.name),
      foreignKey: inline.foreignKeys.get(column.name),
    }),
  }))
  const extras = tableExtras(context, table, {
    primaryKey: !inlinePrimaryKey,
    uniques: table.uniques.filter((u) => inline.uniques.get(u.columns[0]!) !== u),
    foreignKeys: table.foreignKeys.filter((fk) => inline.foreignKeys.get(fk.columns[0]!) !== fk),
  })
  const args: JsNode[] = [js.string(table.name), js.object(columns, true)]
  if (extras.length > 0) args.push(js.arrow(['t'], js.array(extras)))
  return js.call(factory(context, table.schema, 'table'), args)
}

interface ColumnConstraints {
  readonly primaryKey: boolean
  readonly unique: UniqueModel | undefined
  readonly foreignKey: ForeignKeyModel | undefined
}

/** One column: its type, then modifiers in a fixed order. */
function emitColumn(
  context: EmitContext,
  table: TableModel,
  column: ColumnModel,
  constraints: ColumnConstraints,
): JsNode {
  const key = context.symbols.columnKey(table, column)
  // The name is written only when the key (in the module's casing) does not give it.
  const sqlName = nameFromKey(key, context.casing) === column.name ? undefined : column.name
  const serial = context.decisions.serialSequence(column)
  let node: JsNode
  let type: ReturnType<typeof spellType> | undefined
  if (serial !== undefined) {
    const name = context.imports.use(SERIALS[serial.type])
    node = js.call(name, sqlName === undefined ? [] : [js.string(sqlName)])
  } else {
    type = spellType(column, context.types)
    if (type.factory.kind === 'builder') context.imports.use(type.factory.name)
    node = typeCall(type, sqlName)
  }
  const chain = (method: string, args: JsNode[] = []): void => {
    node = js.method(node, method, args)
  }

  if (column.collation !== null) chain('collate', [js.string(column.collation)])
  if (constraints.primaryKey) chain('primaryKey')
  if (column.notNull && !constraints.primaryKey && column.identity === null && serial === undefined)
    chain('notNull')
  if (column.generated !== null) chain('generatedAlwaysAs', [sql(context, column.generated)])
  if (column.identity !== null) {
    const { name, ...numbers } = column.identity.sequence
    const options: JsProperty[] = []
    if (context.decisions.writesName(column)) options.push({ key: 'name', value: js.string(name) })
    options.push(...sequenceOptions(column.type as 'integer', numbers))
    const method =
      column.identity.generation === 'always' ? 'generatedAlwaysAsIdentity' : 'generatedByDefaultAsIdentity'
    chain(method, options.length === 0 ? [] : [js.object(options)])
  }
  if (column.default !== null && serial === undefined) {
    const sequence = context.nextvalOf(column.default)
    if (sequence !== undefined) chain('default', [js.method(js.identifier(sequence), 'nextval')])
    else if (type !== undefined)
      chain('default', [withSql(context, defaultExpression(column.default, type.type))])
  }
  if (constraints.unique !== undefined) {
    const u = constraints.unique
    chain('unique', context.decisions.writesName(u) ? [js.string(u.name)] : [])
  }
  if (constraints.foreignKey !== undefined)
    chain('references', references(context, table, constraints.foreignKey))
  for (const check of table.checks) {
    if (context.decisions.checkColumn(check) === column.name) chain('check', [sql(context, check.expression)])
  }
  if (column.comment !== null) chain('comment', [js.string(column.comment)])
  return node
}

/** `() => users.id` and its options, annotated when the tables reference each other. */
function references(context: EmitContext, table: TableModel, fk: ForeignKeyModel): JsNode[] {
  const target = context.targetOf(fk)!
  const annotate = context.inCycle(table, target)
  if (annotate) context.imports.use('AnyColumn')
  const args = [
    js.arrow([], tableColumn(context, target, fk.references.columns[0]!), annotate ? 'AnyColumn' : undefined),
  ]
  const options: JsProperty[] = []
  if (context.decisions.writesName(fk)) options.push({ key: 'name', value: js.string(fk.name) })
  if (fk.onDelete !== 'no action') options.push({ key: 'onDelete', value: js.string(fk.onDelete) })
  if (fk.onUpdate !== 'no action') options.push({ key: 'onUpdate', value: js.string(fk.onUpdate) })
  if (options.length > 0) args.push(js.object(options))
  return args
}

function sql(context: EmitContext, text: string): JsNode {
  context.imports.use('sql')
  return sqlTemplate(text)
}

/** A default written as `sql` needs the import; plain values do not. */
function withSql(context: EmitContext, node: JsNode): JsNode {
  if (node.kind === 'template') context.imports.use('sql')
  return node
}
