import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import { closingBracket, splitTopLevel } from '../grammar/catalog-text.js'
import { sqlTemplate } from './sql-template.js'

/**
 * A bound as pg_get_expr(relpartbound) prints it, written back as the object `partition()` takes,
 * so that toModel prints it the same way: quoted literals become strings (toModel quotes them again),
 * plain integers numbers, NULL null, anything else (MINVALUE, MAXVALUE, true, B'01') `sql`.
 */
export function partitionBoundCode(bound: string, useSql: () => void): JsNode {
  if (bound === 'DEFAULT') return js.object([{ key: 'default', value: js.literal('true') }])
  const hash = /^FOR VALUES WITH \(modulus (\d+), remainder (\d+)\)$/.exec(bound)
  if (hash !== null) {
    return js.object([
      { key: 'modulus', value: js.literal(hash[1]!) },
      { key: 'remainder', value: js.literal(hash[2]!) },
    ])
  }
  const value = (text: string): JsNode => {
    const quoted = /^'((?:[^']|'')*)'$/.exec(text)
    if (quoted !== null) return js.string(quoted[1]!.replaceAll("''", "'"))
    if (/^(0|[1-9]\d{0,14})$/.test(text)) return js.literal(text)
    if (text === 'NULL') return js.literal('null')
    useSql()
    return sqlTemplate(text)
  }
  const list = (from: number): { values: JsNode[]; end: number } => {
    const close = closingBracket(bound, from)
    return { values: splitTopLevel(bound.slice(from + 1, close)).map(value), end: close }
  }
  const edge = (values: JsNode[]): JsNode => (values.length === 1 ? values[0]! : js.array(values))
  if (bound.startsWith('FOR VALUES IN (')) {
    return js.object([{ key: 'in', value: js.array(list('FOR VALUES IN '.length).values) }])
  }
  if (bound.startsWith('FOR VALUES FROM (')) {
    const from = list('FOR VALUES FROM '.length)
    const to = list(bound.indexOf('(', from.end + 1))
    const properties: JsProperty[] = [
      { key: 'from', value: edge(from.values) },
      { key: 'to', value: edge(to.values) },
    ]
    return js.object(properties)
  }
  throw new Error(`unexpected partition bound: ${bound}`)
}
