/**
 * A layout document in the style of Wadler's pretty printer and Prettier's doc builders: text,
 * groups that print flat when they fit and broken otherwise, and alternatives. Generated code is laid
 * out with the same algorithm the repository's formatter (Biome) uses, so it is already formatted.
 */
export type Doc =
  | string
  | readonly Doc[]
  | Group
  | Indent
  | Line
  | IfBreak
  | IndentIfBreak
  | Fill
  | BreakParent

export interface Group {
  readonly kind: 'group'
  readonly contents: Doc
  /** Set when the group must break; propagated from hard lines inside it. */
  broken: boolean
  /** Alternatives from flattest to most expanded (a conditional group); `contents` is the first. */
  readonly states: readonly Doc[] | undefined
  readonly id: symbol | undefined
}

export interface Indent {
  readonly kind: 'indent'
  readonly contents: Doc
}

export interface Line {
  readonly kind: 'line'
  /** A soft line prints nothing when flat; a plain line prints a space. */
  readonly soft: boolean
  readonly hard: boolean
  /** A line break without indentation (inside template literals). */
  readonly literal: boolean
}

export interface IfBreak {
  readonly kind: 'if-break'
  readonly broken: Doc
  readonly flat: Doc
  readonly groupId: symbol | undefined
}

export interface IndentIfBreak {
  readonly kind: 'indent-if-break'
  readonly contents: Doc
  readonly groupId: symbol
}

/** Content and separators alternating: as many contents per line as fit (number arrays). */
export interface Fill {
  readonly kind: 'fill'
  readonly parts: readonly Doc[]
}

export interface BreakParent {
  readonly kind: 'break-parent'
}

export const breakParent: BreakParent = { kind: 'break-parent' }
export const line: Line = { kind: 'line', soft: false, hard: false, literal: false }
export const softline: Line = { kind: 'line', soft: true, hard: false, literal: false }
export const hardline: Doc = [{ kind: 'line', soft: false, hard: true, literal: false }, breakParent]
export const literalline: Doc = [{ kind: 'line', soft: false, hard: true, literal: true }, breakParent]

export function group(contents: Doc, options: { broken?: boolean; id?: symbol } = {}): Group {
  return { kind: 'group', contents, broken: options.broken ?? false, states: undefined, id: options.id }
}

/** Tries each state in turn, the first that fits wins; the last is the fallback. */
export function conditionalGroup(states: readonly Doc[]): Group {
  return { kind: 'group', contents: states[0]!, broken: false, states, id: undefined }
}

export function indent(contents: Doc): Indent {
  return { kind: 'indent', contents }
}

export function ifBreak(broken: Doc, flat: Doc = '', groupId?: symbol): IfBreak {
  return { kind: 'if-break', broken, flat, groupId }
}

export function indentIfBreak(contents: Doc, groupId: symbol): IndentIfBreak {
  return { kind: 'indent-if-break', contents, groupId }
}

export function fill(parts: readonly Doc[]): Fill {
  return { kind: 'fill', parts }
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return docs.flatMap((doc, i) => (i === 0 ? [doc] : [separator, doc]))
}

/** Whether the document contains a forced break (a hard line or a group already marked broken). */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === 'string') return false
  if (Array.isArray(doc)) return doc.some(willBreak)
  const node = doc as Exclude<Doc, string | readonly Doc[]>
  switch (node.kind) {
    case 'group':
      return node.broken || willBreak(node.contents)
    case 'indent':
    case 'indent-if-break':
      return willBreak(node.contents)
    case 'line':
      return node.hard
    case 'if-break':
      return willBreak(node.broken) || willBreak(node.flat)
    case 'fill':
      return node.parts.some(willBreak)
    case 'break-parent':
      return true
    default:
      return node satisfies never
  }
}
