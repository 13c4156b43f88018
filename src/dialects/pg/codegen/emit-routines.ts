import type { DefinedObjectModel } from '../../../model/types.js'
import { DEFAULT_SCHEMA } from '../../../schema/kind.js'
import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import type { EmitContext } from './emit-context.js'
import { sqlQueryTemplate, sqlTemplate } from './sql-template.js'
import { parseTriggerDefinition } from './trigger-definition.js'

/** `extension('citext')`, with its schema when it is not `public`. */
export function emitExtension(context: EmitContext, o: DefinedObjectModel): JsNode {
  const args = [js.string(o.name)]
  if (o.schema !== DEFAULT_SCHEMA) args.push(js.object([{ key: 'schema', value: js.string(o.schema) }]))
  return js.call(context.imports.use('extension'), args)
}

/**
 * `pgFunction(sql\`CREATE OR REPLACE FUNCTION ...\`)` with the statement PostgreSQL printed, body
 * and all, so nothing about the routine is lost; its comment in the options, and `publicExecute:
 * false` when EXECUTE was revoked from PUBLIC.
 */
export function emitRoutine(context: EmitContext, o: DefinedObjectModel, publicExecute = true): JsNode {
  context.imports.use('sql')
  const args = [sqlQueryTemplate([o.definition], [])]
  const options: JsProperty[] = []
  if (o.comment !== null) options.push({ key: 'comment', value: js.string(o.comment) })
  if (!publicExecute) options.push({ key: 'publicExecute', value: js.literal('false') })
  if (options.length > 0) args.push(js.object(options))
  return js.call(context.imports.use(o.kind === 'procedure' ? 'procedure' : 'pgFunction'), args)
}

/**
 * `trigger('users_touch', users, { timing, events, forEach, when, execute })`, the function by its
 * variable when it was pulled too; a trigger the options cannot say (a constraint trigger) is
 * written as its statement.
 */
export function emitTrigger(
  context: EmitContext,
  o: DefinedObjectModel,
  on: string,
  columnKey: (column: string) => string | undefined,
  functionVariable: (qualified: string) => string | undefined,
): JsNode {
  const parts = parseTriggerDefinition(o.definition)
  const state: JsProperty[] = []
  if (o.enabled !== null && o.enabled !== 'origin')
    state.push({
      key: 'enabled',
      value: o.enabled === 'disabled' ? js.literal('false') : js.string(o.enabled),
    })
  if (o.comment !== null) state.push({ key: 'comment', value: js.string(o.comment) })
  const call = context.imports.use('trigger')
  const columns = parts?.updateOf.map(columnKey) ?? []
  if (parts === undefined || columns.some((key) => key === undefined)) {
    context.imports.use('sql')
    const args = [js.identifier(on), sqlQueryTemplate([o.definition], [])]
    if (state.length > 0) args.push(js.object(state))
    return js.call(call, args)
  }
  const properties: JsProperty[] = [
    { key: 'timing', value: js.string(parts.timing) },
    { key: 'events', value: js.array(parts.events.map(js.string)) },
  ]
  if (parts.updateOf.length > 0) {
    properties.push({
      key: 'updateOf',
      value: js.array(columns.map((key) => js.member(js.identifier(on), key!))),
    })
  }
  if (parts.referencing !== undefined) {
    const names: JsProperty[] = []
    if (parts.referencing.oldTable !== undefined)
      names.push({ key: 'oldTable', value: js.string(parts.referencing.oldTable) })
    if (parts.referencing.newTable !== undefined)
      names.push({ key: 'newTable', value: js.string(parts.referencing.newTable) })
    properties.push({ key: 'referencing', value: js.object(names) })
  }
  properties.push({ key: 'forEach', value: js.string(parts.forEach) })
  if (parts.when !== undefined) {
    context.imports.use('sql')
    properties.push({ key: 'when', value: sqlTemplate(parts.when) })
  }
  const fn = functionVariable(parts.function)
  properties.push({ key: 'execute', value: fn === undefined ? js.string(parts.function) : js.identifier(fn) })
  if (parts.arguments.length > 0)
    properties.push({ key: 'arguments', value: js.array(parts.arguments.map(js.string)) })
  properties.push(...state)
  return js.call(call, [js.string(o.name), js.identifier(on), js.object(properties, true)])
}
