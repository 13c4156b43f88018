import {
  breakParent,
  conditionalGroup,
  type Doc,
  fill,
  group,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  literalline,
  softline,
  willBreak,
} from './doc.js'
import type { JsNode } from './js-ast.js'
import { jsString, propertyKey } from './js-literals.js'
import { type ChainPrinter, isLongMemberChain, layoutMemberChain } from './member-chain.js'

/** The print width the layout aims for, as in the repository's formatter settings. */
export const PRINT_WIDTH = 110

/** An expression as a layout document. */
export function layout(node: JsNode): Doc {
  switch (node.kind) {
    case 'string':
      return jsString(node.value)
    case 'literal':
      return node.text
    case 'identifier':
      return node.name
    case 'member':
      return [layout(node.object), '.', node.property]
    case 'call':
      if (node.callee.kind === 'member') return layoutMemberChain(node, CHAIN_PRINTER)
      return [layout(node.callee), typeArguments(node), layoutArguments(node.args)]
    case 'array':
      return layoutArray(node.elements)
    case 'object':
      return layoutObject(node)
    case 'arrow':
      return layoutArrow(node)
    case 'template':
      return layoutTemplate(node)
    case 'as':
      return [layout(node.expression), ' as ', node.type]
    default:
      return node satisfies never
  }
}

const CHAIN_PRINTER: ChainPrinter = {
  expression: layout,
  callArguments: (call) => [typeArguments(call), layoutArguments(call.args)],
}

function typeArguments(node: Extract<JsNode, { kind: 'call' }>): string {
  return node.typeArguments === undefined ? '' : `<${node.typeArguments}>`
}

/** A call's arguments: flat, with the last one hugged (`f('a', {` ... `})`), or one per line. */
export function layoutArguments(args: readonly JsNode[]): Doc {
  if (args.length === 0) return '()'
  if (args.length === 1 && isMultilineTemplate(args[0]!)) return ['(', layout(args[0]!), ')']
  const printed = args.map(layout)
  const allBrokenOut = (): Doc =>
    group(['(', indent([line, join([',', line], printed)]), ',', line, ')'], { broken: true })
  if (shouldHugLast(args)) {
    if (printed.slice(0, -1).some(willBreak)) return allBrokenOut()
    const leading = printed.slice(0, -1).flatMap((doc) => [doc, ', '])
    const last = printed[printed.length - 1]!
    return [
      printed.some(willBreak) ? breakParent : '',
      conditionalGroup([
        ['(', ...leading, last, ')'],
        ['(', ...leading, group(last, { broken: true }), ')'],
        allBrokenOut(),
      ]),
    ]
  }
  return group(['(', indent([softline, join([',', line], printed)]), ifBreak(','), softline, ')'])
}

function shouldHugLast(args: readonly JsNode[]): boolean {
  const last = args[args.length - 1]!
  const penultimate = args[args.length - 2]
  if (!couldHug(last)) return false
  if (penultimate !== undefined && penultimate.kind === last.kind) return false
  if (args.length === 2 && penultimate?.kind === 'arrow' && last.kind === 'array') return false
  return !(args.length > 1 && isConciseArray(last))
}

function couldHug(node: JsNode): boolean {
  switch (node.kind) {
    case 'object':
      return node.properties.length > 0
    case 'array':
      return node.elements.length > 0
    case 'arrow':
      // A return type naming a type (`(): AnyColumn =>`) keeps the arrow from being hugged.
      return (
        (node.returnType === undefined || node.returnType.endsWith('[]')) &&
        (node.body.kind === 'array' || node.body.kind === 'object' || node.body.kind === 'call')
      )
    default:
      return false
  }
}

/** Arrays of numbers only, which the formatter fills line by line instead of hugging. */
function isConciseArray(node: JsNode): boolean {
  return (
    node.kind === 'array' &&
    node.elements.length > 1 &&
    node.elements.every((e) => e.kind === 'literal' && /^-?\d/.test(e.text))
  )
}

function isMultilineTemplate(node: JsNode): boolean {
  return node.kind === 'template' && node.quasis.some((quasi) => quasi.includes('\n'))
}

function layoutArray(elements: readonly JsNode[]): Doc {
  if (elements.length === 0) return '[]'
  if (isConciseArray({ kind: 'array', elements })) {
    // Numbers fill each line; the trailing comma depends on whether the array itself breaks.
    const id = Symbol('array')
    const items = elements.map((e, i) => [layout(e), i === elements.length - 1 ? ifBreak(',', '', id) : ','])
    return group(['[', indent([softline, fill(join(line, items))]), softline, ']'], { id })
  }
  // Two or more objects or arrays of more than one entry each are always one per line.
  const size = (e: JsNode): number =>
    e.kind === 'array' ? e.elements.length : e.kind === 'object' ? e.properties.length : 0
  const broken =
    elements.length > 1 &&
    elements.every(
      (e) => (e.kind === 'array' || e.kind === 'object') && size(e) > 1 && e.kind === elements[0]!.kind,
    )
  return group(
    ['[', indent([softline, join([',', line], elements.map(layout))]), ifBreak(','), softline, ']'],
    {
      broken,
    },
  )
}

function layoutObject(node: Extract<JsNode, { kind: 'object' }>): Doc {
  if (node.properties.length === 0) return '{}'
  const properties = node.properties.map((p) => assignment(propertyKey(p.key), ':', p.value, true))
  return group(['{', indent([line, join([',', line], properties)]), ifBreak(','), line, '}'], {
    broken: node.expanded,
  })
}

function layoutArrow(node: Extract<JsNode, { kind: 'arrow' }>): Doc {
  const head = `(${node.params.join(', ')})${node.returnType === undefined ? '' : `: ${node.returnType}`}`
  const body = node.body
  if (body.kind === 'array' || body.kind === 'object' || isMultilineTemplate(body)) {
    return group([head, ' =>', ' ', layout(body)])
  }
  return group([head, ' =>', group(indent([line, layout(body)]))])
}

function layoutTemplate(node: Extract<JsNode, { kind: 'template' }>): Doc {
  const parts: Doc[] = [node.tag, '`']
  node.quasis.forEach((quasi, i) => {
    parts.push(join(literalline, quasi.split('\n')))
    const expression = node.expressions[i]
    if (expression !== undefined) parts.push('${', layout(expression), '}')
  })
  parts.push('`')
  return parts
}

/**
 * `left op right` for declarations (`const x =`) and object properties (`key:`), with the
 * formatter's choice of where the right side may move to the next line.
 */
export function assignment(left: string, operator: string, right: JsNode, isProperty: boolean): Doc {
  const value = layout(right)
  const shortKey = isProperty && left.length < 2 + 3
  if (right.kind === 'template' || right.kind === 'literal' || shortKey) {
    return group([left, operator, ' ', value])
  }
  if (right.kind === 'string' || isPoorlyBreakableChain(right, false)) {
    return group([left, operator, group(indent([line, value]))])
  }
  const id = Symbol('assignment')
  return group([left, operator, group(indent(line), { id }), indentIfBreak(value, id)])
}

/** A chain of members and calls with no arguments or one short argument each: breaking it helps little. */
function isPoorlyBreakableChain(node: JsNode, deep: boolean): boolean {
  if (node.kind === 'member') return isPoorlyBreakableChain(node.object, true)
  if (node.kind === 'call') {
    if (isLongMemberChain(node)) return false
    const [first, ...others] = node.args
    const lone = first === undefined || (others.length === 0 && isLoneShortArgument(first))
    return lone && isPoorlyBreakableChain(node.callee, true)
  }
  return deep && node.kind === 'identifier'
}

function isLoneShortArgument(node: JsNode): boolean {
  const threshold = PRINT_WIDTH / 4
  switch (node.kind) {
    case 'identifier':
      return node.name.length <= threshold
    case 'literal':
      return true
    case 'string':
      return jsString(node.value).length <= threshold
    case 'object':
      return node.properties.length === 0
    default:
      return false
  }
}
