import { breakParent, conditionalGroup, type Doc, group, hardline, indent, join, willBreak } from './doc.js'
import type { JsNode } from './js-ast.js'

type Call = Extract<JsNode, { kind: 'call' }>

/**
 * How the expressions inside a chain are printed: the layout that calls this one passes itself in,
 * so the two recurse into each other without their modules importing each other.
 */
export interface ChainPrinter {
  /** Any expression (the chain's head). */
  readonly expression: (node: JsNode) => Doc
  /** A call's type arguments and arguments, `<T>(a, b)`. */
  readonly callArguments: (call: Call) => Doc
}
type Link =
  | { kind: 'head'; node: JsNode }
  | { kind: 'member'; property: string }
  | { kind: 'call'; call: Call }

/**
 * A chain of calls (`integer().notNull().default(5)`) the way the formatter prints it: on one line
 * when it fits, else one call per line; always one per line when more than two calls take
 * arguments that are not simple (functions, nested structures).
 */
export function layoutMemberChain(node: Call, print: ChainPrinter): Doc {
  const links: Link[] = []
  flatten(node, links)
  const groups = groupLinks(links)
  const printed = groups.map((links) => links.map((link) => printLink(link, print)))
  const merge = groups.length >= 2 && groups[1]!.length > 0 && keepsFirstCallOnLine(groups[0]!)
  const cutoff = merge ? 3 : 2
  if (groups.length <= cutoff && !printed.slice(cutoff).some(willBreak)) return group(printed)

  const indented = printed.slice(merge ? 2 : 1)
  const expanded: Doc = [printed[0]!, merge ? printed[1]! : '', indent([hardline, join(hardline, indented)])]
  const calls = links.flatMap((link) => {
    if (link.kind === 'call') return [link.call]
    return link.kind === 'head' && link.node.kind === 'call' ? [link.node] : []
  })
  const complexArguments = calls.some((call) => !call.args.every((arg) => isSimpleArgument(arg, 0)))
  if ((calls.length > 2 && complexArguments) || printed.slice(0, -1).some(willBreak)) return group(expanded)
  return [willBreak(printed) ? breakParent : '', conditionalGroup([printed, expanded])]
}

/** Whether the call is a chain of more than two links, which breaks one call per line when it must. */
export function isLongMemberChain(node: JsNode): boolean {
  if (node.kind !== 'call' || node.callee.kind !== 'member') return false
  const links: Link[] = []
  flatten(node, links)
  const groups = groupLinks(links)
  const merge = groups.length >= 2 && groups[1]!.length > 0 && keepsFirstCallOnLine(groups[0]!)
  return groups.length > (merge ? 3 : 2)
}

function flatten(node: JsNode, links: Link[]): void {
  if (node.kind === 'call' && node.callee.kind === 'member') {
    flatten(node.callee, links)
    links.push({ kind: 'call', call: node })
  } else if (node.kind === 'member') {
    flatten(node.object, links)
    links.push({ kind: 'member', property: node.property })
  } else {
    links.push({ kind: 'head', node })
  }
}

/** The head with its own calls, then one group per `.method(...)`. */
function groupLinks(links: readonly Link[]): Link[][] {
  const first: Link[] = [links[0]!]
  let i = 1
  while (i < links.length && links[i]!.kind === 'call') first.push(links[i++]!)
  const head = links[0]!
  if (!(head.kind === 'head' && head.node.kind === 'call')) {
    while (i + 1 < links.length && links[i]!.kind === 'member' && links[i + 1]!.kind === 'member') {
      first.push(links[i++]!)
    }
  }
  const groups: Link[][] = [first]
  let current: Link[] = []
  let seenCall = false
  for (; i < links.length; i++) {
    const link = links[i]!
    if (seenCall && link.kind === 'member') {
      groups.push(current)
      current = []
      seenCall = false
    }
    if (link.kind === 'call') seenCall = true
    current.push(link)
  }
  if (current.length > 0) groups.push(current)
  return groups
}

/** `Factory.create()` style heads keep their first call on the first line. */
function keepsFirstCallOnLine(first: readonly Link[]): boolean {
  const head = first[0]!
  const isFactory = (name: string): boolean => /^[A-Z]|^[$_]+$/.test(name)
  if (first.length === 1)
    return head.kind === 'head' && head.node.kind === 'identifier' && isFactory(head.node.name)
  const last = first[first.length - 1]!
  return last.kind === 'member' && isFactory(last.property)
}

function printLink(link: Link, print: ChainPrinter): Doc {
  switch (link.kind) {
    case 'head':
      return print.expression(link.node)
    case 'member':
      return ['.', link.property]
    case 'call':
      return print.callArguments(link.call)
    default:
      return link satisfies never
  }
}

/** Literals, names and shallow structures of them; anything two levels deep is not simple. */
function isSimpleArgument(node: JsNode, depth: number): boolean {
  if (depth >= 2) return false
  switch (node.kind) {
    case 'string':
    case 'literal':
    case 'identifier':
      return true
    case 'member':
      return isSimpleArgument(node.object, depth)
    case 'template':
      return (
        !node.quasis.some((quasi) => quasi.includes('\n')) &&
        node.expressions.every((e) => isSimpleArgument(e, depth + 1))
      )
    case 'object':
      return node.properties.every((p) => isSimpleArgument(p.value, depth + 1))
    case 'array':
      return node.elements.every((e) => isSimpleArgument(e, depth + 1))
    case 'call':
      return isSimpleArgument(node.callee, depth) && node.args.every((a) => isSimpleArgument(a, depth + 1))
    case 'arrow':
    case 'as':
      return false
    default:
      return node satisfies never
  }
}
