import type { EnumModel, SequenceModel, ViewModel } from '../../../model/types.js'
import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import { type EmitContext, factory } from './emit-context.js'
import { emitIndex } from './emit-table-extras.js'
import { sequenceOptions } from './sequence-options.js'
import { sqlQueryTemplate, sqlTemplate } from './sql-template.js'
import { storageParametersCode } from './storage-parameters-code.js'
import { splitAtRelations } from './view-references.js'

/** `schema('auth')`. */
export function emitNamespace(context: EmitContext, schema: string): JsNode {
  const args = [js.string(schema)]
  if (context.casing !== undefined)
    args.push(js.object([{ key: 'casing', value: js.string(context.casing) }]))
  return js.call(context.imports.use('schema'), args)
}

/** `customType<string>({ dataType: 'tsvector' })`: values travel as PostgreSQL's text. */
export function emitCustomType(context: EmitContext, dataType: string): JsNode {
  return js.call(
    context.imports.use('customType'),
    [js.object([{ key: 'dataType', value: js.string(dataType) }])],
    'string',
  )
}

/** `enumType('role', ['member', 'admin'])`, labels in their order, and its comment in the options. */
export function emitEnum(context: EmitContext, e: EnumModel): JsNode {
  const args = [js.string(e.name), js.array(e.values.map(js.string))]
  if (e.comment !== null) args.push(commentOption(e.comment))
  return js.call(factory(context, e.schema, 'enumType'), args)
}

/** `{ comment: '...' }`, the options of an enum or a view. */
function commentOption(comment: string): JsNode {
  return js.object([{ key: 'comment', value: js.string(comment) }])
}

/**
 * A view's comments (its own and `columnComments`) and options: `securityInvoker`, `securityBarrier`, `checkOption` and
 * `columnDefaults` (as the catalog prints them) for a view, `with` (its storage parameters) for a
 * materialized view.
 */
function viewOptions(view: ViewModel): JsProperty[] {
  const options: JsProperty[] = []
  if (view.comment !== null) options.push({ key: 'comment', value: js.string(view.comment) })
  if (view.columnComments.length > 0) {
    const comments = view.columnComments.map((c) => ({ key: c.column, value: js.string(c.comment) }))
    options.push({ key: 'columnComments', value: js.object(comments) })
  }
  if (view.materialized) {
    if (view.storageParameters.length > 0)
      options.push({ key: 'with', value: storageParametersCode(view.storageParameters) })
    return options
  }
  const keys: Record<string, string> = {
    security_barrier: 'securityBarrier',
    security_invoker: 'securityInvoker',
    check_option: 'checkOption',
  }
  for (const p of view.storageParameters) {
    const key = keys[p.name] ?? p.name
    const value = p.value === 'true' || p.value === 'false' ? js.literal(p.value) : js.string(p.value)
    options.push({ key, value })
  }
  if (view.columnDefaults.length > 0) {
    const defaults = view.columnDefaults.map((d) => ({ key: d.column, value: sqlTemplate(d.default) }))
    options.push({ key: 'columnDefaults', value: js.object(defaults) })
  }
  return options
}

/**
 * `sequence('invoice_numbers', { start: 1000 })`; bigint unless `as` says otherwise. `owner` is the
 * column it is OWNED BY, as code (`() => invoices.number` is written around it).
 */
export function emitSequence(context: EmitContext, sequence: SequenceModel, owner?: JsNode): JsNode {
  const options: JsProperty[] = []
  if (sequence.type !== 'bigint') options.push({ key: 'as', value: js.string(sequence.type) })
  options.push(...sequenceOptions(sequence.type, sequence))
  if (owner !== undefined) options.push({ key: 'ownedBy', value: js.arrow([], owner) })
  const args = [js.string(sequence.name)]
  if (options.length > 0) args.push(js.object(options))
  return js.call(factory(context, sequence.schema, 'sequence'), args)
}

/**
 * `view('active_users').as(sql\`...\`)` with the query PostgreSQL printed; the tables and views it
 * reads are interpolated (`FROM ${accounts}`), so the view records what it depends on. A comment
 * goes in the options, after an empty column map (pulled views are read untyped).
 */
export function emitView(
  context: EmitContext,
  view: ViewModel,
  variableOf: (schema: string, name: string) => string | undefined,
): JsNode {
  const reads = new Set(view.dependsOn)
  const { parts, references } = splitAtRelations(view.definition, (schema, name) =>
    reads.has(`${schema}.${name}`) ? variableOf(schema, name) : undefined,
  )
  const args = [js.string(view.name)]
  const options = viewOptions(view)
  if (options.length > 0) args.push(js.object([]), js.object(options))
  let node = js.call(factory(context, view.schema, view.materialized ? 'materializedView' : 'view'), args)
  if (view.withNoData) node = js.method(node, 'noData')
  // Pulled views declare no columns: an index names its columns with sql.identifier().
  if (view.indexes.length > 0) {
    const column = (name: string): JsNode =>
      js.method(js.identifier(context.imports.use('sql')), 'identifier', [js.string(name)])
    const indexes = view.indexes.map((index) => emitIndex(context, column, index))
    node = js.method(node, 'indexes', [js.arrow([], js.array(indexes))])
  }
  context.imports.use('sql')
  return js.method(node, 'as', [sqlQueryTemplate(parts, references.map(js.identifier))])
}
