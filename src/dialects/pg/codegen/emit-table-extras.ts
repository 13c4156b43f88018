import type {
  ForeignKeyModel,
  IndexElementModel,
  IndexModel,
  PolicyModel,
  TableModel,
  UniqueModel,
} from '../../../model/types.js'
import type { IndexMethod } from '../../../schema/table-extras.js'
import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import { type EmitContext, ownColumn, tableColumn } from './emit-context.js'
import { emitPartitionBy } from './emit-partition-by.js'
import { sqlTemplate } from './sql-template.js'
import { storageParametersCode } from './storage-parameters-code.js'

const METHODS: ReadonlySet<string> = new Set<IndexMethod>(['btree', 'hash', 'gin', 'gist', 'brin', 'spgist'])

/** What a table writes in its extras callback rather than on a column. */
export interface TableLevel {
  readonly primaryKey: boolean
  readonly uniques: readonly UniqueModel[]
  readonly foreignKeys: readonly ForeignKeyModel[]
}

/**
 * The table's extras: its comment, row-level security flags, UNLOGGED, storage parameters, replica
 * identity, primary key, unique constraints,
 * foreign keys, checks, indexes, policies, then its partition key.
 */
export function tableExtras(context: EmitContext, table: TableModel, level: TableLevel): JsNode[] {
  const use = (name: string): string => context.imports.use(name)
  const columns = (names: readonly string[]): JsNode[] => names.map((name) => ownColumn(context, table, name))
  const extras: JsNode[] = []

  if (table.comment !== null) extras.push(js.call(use('comment'), [js.string(table.comment)]))
  // Each flag as the catalog has it: a forced table without enabled security is written so too.
  if (table.rowLevelSecurity.enabled) extras.push(js.call(use('enableRowLevelSecurity'), []))
  if (table.rowLevelSecurity.forced) extras.push(js.call(use('forceRowLevelSecurity'), []))
  if (table.unlogged) extras.push(js.call(use('unlogged'), []))
  if (table.storageParameters.length > 0)
    extras.push(js.call(use('storageParameters'), [storageParametersCode(table.storageParameters)]))
  const identity = table.replicaIdentity
  if (identity.kind !== 'default') {
    const argument =
      identity.kind === 'index'
        ? js.object([{ key: 'index', value: js.string(identity.index!) }])
        : js.string(identity.kind)
    extras.push(js.call(use('replicaIdentity'), [argument]))
  }

  const pk = table.primaryKey
  if (pk !== null && level.primaryKey) {
    extras.push(
      context.decisions.writesName(pk)
        ? js.call(use('primaryKey'), [
            js.object([
              { key: 'name', value: js.string(pk.name) },
              { key: 'columns', value: js.array(columns(pk.columns)) },
            ]),
          ])
        : js.call(use('primaryKey'), columns(pk.columns)),
    )
  }
  for (const u of level.uniques) {
    let node = js.method(js.call(use('unique'), nameArgument(context, u)), 'on', columns(u.columns))
    if (u.nullsNotDistinct) node = js.method(node, 'nullsNotDistinct')
    if (u.deferrable) node = js.method(node, 'deferrable', u.initiallyDeferred ? [js.string('deferred')] : [])
    extras.push(node)
  }
  for (const fk of level.foreignKeys) {
    const node = foreignKey(context, table, fk)
    if (node !== undefined) extras.push(node)
  }
  for (const check of table.checks) {
    if (context.decisions.checkColumn(check) !== undefined) continue
    use('sql')
    extras.push(js.call(use('check'), [...nameArgument(context, check), sqlTemplate(check.expression)]))
  }
  const own = (name: string): JsNode => ownColumn(context, table, name)
  for (const index of table.indexes) extras.push(emitIndex(context, own, index))
  for (const policy of table.policies) extras.push(emitPolicy(context, policy))
  if (table.partitionBy !== null) extras.push(emitPartitionBy(context, table, table.partitionBy))
  return extras
}

/** `policy('name', { ... })` with only what differs from CREATE POLICY's defaults. */
function emitPolicy(context: EmitContext, policy: PolicyModel): JsNode {
  const options: JsProperty[] = []
  if (!policy.permissive) options.push({ key: 'as', value: js.string('restrictive') })
  if (policy.command !== 'all') options.push({ key: 'for', value: js.string(policy.command) })
  if (policy.roles.join() !== 'public') {
    options.push({ key: 'to', value: js.array(policy.roles.map((r) => js.string(r))) })
  }
  if (policy.using !== null || policy.withCheck !== null) context.imports.use('sql')
  if (policy.using !== null) options.push({ key: 'using', value: sqlTemplate(policy.using) })
  if (policy.withCheck !== null) options.push({ key: 'withCheck', value: sqlTemplate(policy.withCheck) })
  const name = js.string(policy.name)
  return js.call(context.imports.use('policy'), options.length === 0 ? [name] : [name, js.object(options)])
}

function nameArgument(context: EmitContext, object: { readonly name: string }): JsNode[] {
  return context.decisions.writesName(object) ? [js.string(object.name)] : []
}

/** `foreignKey({ columns, references })` with its actions and deferral; undefined when its target is not pulled. */
function foreignKey(context: EmitContext, table: TableModel, fk: ForeignKeyModel): JsNode | undefined {
  const target = context.targetOf(fk)
  if (target === undefined) return undefined
  const own = (names: readonly string[]): JsNode[] => names.map((name) => ownColumn(context, table, name))
  const self = target === table
  const referenced = self
    ? js.array(own(fk.references.columns))
    : referenceArrow(context, table, target, fk.references.columns)
  const definition: JsProperty[] = []
  if (context.decisions.writesName(fk)) definition.push({ key: 'name', value: js.string(fk.name) })
  definition.push(
    { key: 'columns', value: js.array(own(fk.columns)) },
    { key: 'references', value: referenced },
  )
  let node = js.call(context.imports.use('foreignKey'), [js.object(definition)])
  if (fk.onDelete !== 'no action') node = js.method(node, 'onDelete', [js.string(fk.onDelete)])
  if (fk.onUpdate !== 'no action') node = js.method(node, 'onUpdate', [js.string(fk.onUpdate)])
  if (fk.deferrable) node = js.method(node, 'deferrable', fk.initiallyDeferred ? [js.string('deferred')] : [])
  if (fk.matchFull) node = js.method(node, 'matchFull', [])
  return node
}

function referenceArrow(
  context: EmitContext,
  table: TableModel,
  target: TableModel,
  names: readonly string[],
): JsNode {
  const annotate = context.inCycle(table, target)
  if (annotate) context.imports.use('AnyColumn')
  const body = js.array(names.map((name) => tableColumn(context, target, name)))
  return js.arrow([], body, annotate ? 'AnyColumn[]' : undefined)
}

/** `index(name?).on(...)` with the method, INCLUDE columns, predicate and NULLS NOT DISTINCT. */
export function emitIndex(context: EmitContext, column: (name: string) => JsNode, index: IndexModel): JsNode {
  const use = (name: string): string => context.imports.use(name)
  const head = js.call(use(index.unique ? 'uniqueIndex' : 'index'), nameArgument(context, index))
  let node = js.method(
    head,
    'on',
    index.elements.map((element) => indexElement(context, column, element)),
  )
  if (index.method !== 'btree') {
    const method = js.string(index.method)
    if (METHODS.has(index.method)) node = js.method(node, 'using', [method])
    else node = js.method(node, 'using', [js.as(method, use('IndexMethod'))])
  }
  if (index.include.length > 0) {
    node = js.method(
      node,
      'include',
      index.include.map((name) => column(name)),
    )
  }
  if (index.where !== null) {
    use('sql')
    node = js.method(node, 'where', [sqlTemplate(index.where)])
  }
  if (index.nullsNotDistinct) node = js.method(node, 'nullsNotDistinct')
  if (index.storageParameters.length > 0)
    node = js.method(node, 'with', [storageParametersCode(index.storageParameters)])
  return node
}

/** A key: the column or expression alone, or wrapped in asc()/desc() to carry its own options. */
function indexElement(
  context: EmitContext,
  column: (name: string) => JsNode,
  element: IndexElementModel,
): JsNode {
  let target: JsNode
  if (element.column !== null) target = column(element.column)
  else {
    context.imports.use('sql')
    target = sqlTemplate(element.expression!)
  }
  const defaultNulls = element.order === 'desc' ? 'first' : 'last'
  const plain =
    element.order === 'asc' &&
    element.nulls === defaultNulls &&
    element.opclass === null &&
    element.collation === null
  if (plain) return target
  let node = js.call(context.imports.use(element.order), [target])
  if (element.nulls !== defaultNulls)
    node = js.method(node, element.nulls === 'first' ? 'nullsFirst' : 'nullsLast')
  if (element.opclass !== null) node = js.method(node, 'op', [js.string(element.opclass)])
  if (element.collation !== null) node = js.method(node, 'collate', [js.string(element.collation)])
  return node
}
