import type { CompositeTypeModel, DomainModel } from '../../../model/types.js'
import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import { defaultExpression } from './column-default.js'
import { spellType, typeAsColumn, typeCall } from './column-type.js'
import { type EmitContext, factory } from './emit-context.js'
import { sqlTemplate } from './sql-template.js'

/**
 * `domain('email', text(), { checks: { email_check: sql\`...\` } })`: the base type spelled as a
 * column, checks always by name (so every name reads back exactly), expressions as printed.
 */
export function emitDomain(context: EmitContext, d: DomainModel): JsNode {
  const base = spellType(typeAsColumn(d.type), context.types)
  if (base.factory.kind === 'builder') context.imports.use(base.factory.name)
  const options: JsProperty[] = []
  if (d.notNull) options.push({ key: 'notNull', value: js.literal('true') })
  if (d.default !== null) {
    const value = defaultExpression(d.default, base.type)
    if (value.kind === 'template') context.imports.use('sql')
    options.push({ key: 'default', value })
  }
  if (d.checks.length > 0) {
    context.imports.use('sql')
    const checks = d.checks.map((c) => ({ key: c.name, value: sqlTemplate(c.expression) }))
    options.push({ key: 'checks', value: js.object(checks) })
  }
  if (d.collation !== null) options.push({ key: 'collation', value: js.string(d.collation) })
  if (d.comment !== null) options.push({ key: 'comment', value: js.string(d.comment) })
  const args = [js.string(d.name), typeCall(base, undefined)]
  if (options.length > 0) args.push(js.object(options))
  return js.call(factory(context, d.schema, 'domain'), args)
}

/**
 * `compositeType('address', { street: text(), zip: varchar({ length: 10 }) })`; an attribute's SQL
 * name is given when its key differs. Attribute collations cannot be declared yet: `warn` is told.
 */
export function emitCompositeType(
  context: EmitContext,
  t: CompositeTypeModel,
  warn: (message: string) => void,
): JsNode {
  const attributes: JsProperty[] = t.attributes.map((a) => {
    const key = context.symbols.attributeKey(t, a.name)
    const spelling = spellType(typeAsColumn(a.type), context.types)
    if (spelling.factory.kind === 'builder') context.imports.use(spelling.factory.name)
    if (a.collation !== null) {
      warn(
        `attribute ${a.name} of composite type ${t.schema}.${t.name} has collation ${a.collation}, which the code cannot say yet: it is written without it`,
      )
    }
    return { key, value: typeCall(spelling, key === a.name ? undefined : a.name) }
  })
  const args = [js.string(t.name), js.object(attributes)]
  if (t.comment !== null) args.push(js.object([{ key: 'comment', value: js.string(t.comment) }]))
  return js.call(factory(context, t.schema, 'compositeType'), args)
}
