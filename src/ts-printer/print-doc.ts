import type { Doc, Group } from './doc.js'

type Mode = 'flat' | 'break'

interface Command {
  readonly indent: number
  readonly mode: Mode
  readonly doc: Doc
}

export interface PrintOptions {
  readonly width: number
  readonly indentWidth: number
}

/**
 * Prints a document the way Prettier and Biome do: a group prints flat when its content up to the
 * next possible line break fits in what is left of the line; a conditional group takes the first of
 * its states that fits.
 */
export function printDoc(doc: Doc, options: PrintOptions): string {
  propagateBreaks(doc)
  const groupModes = new Map<symbol, Mode>()
  const out: string[] = []
  const commands: Command[] = [{ indent: 0, mode: 'break', doc }]
  let position = 0
  let remeasure = false

  while (commands.length > 0) {
    const { indent, mode, doc: current } = commands.pop()!
    if (typeof current === 'string') {
      out.push(current)
      position += textWidth(current)
      continue
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push({ indent, mode, doc: current[i]! })
      continue
    }
    const node = current as Exclude<Doc, string | readonly Doc[]>
    switch (node.kind) {
      case 'indent':
        commands.push({ indent: indent + options.indentWidth, mode, doc: node.contents })
        break
      case 'indent-if-break': {
        const broken = groupModes.get(node.groupId) === 'break'
        commands.push({ indent: broken ? indent + options.indentWidth : indent, mode, doc: node.contents })
        break
      }
      case 'if-break': {
        const groupMode = node.groupId === undefined ? mode : (groupModes.get(node.groupId) ?? 'flat')
        commands.push({ indent, mode, doc: groupMode === 'break' ? node.broken : node.flat })
        break
      }
      case 'break-parent':
        break
      case 'fill':
        commands.push(...fillCommands(node.parts, indent, mode, options.width - position, groupModes))
        break
      case 'group': {
        const chosen = chooseGroupMode(node, indent, mode, remeasure, options.width - position, commands)
        remeasure = false
        commands.push(chosen)
        if (node.id !== undefined) groupModes.set(node.id, chosen.mode)
        break
      }
      case 'line':
        if (mode === 'flat' && !node.hard) {
          if (!node.soft) {
            out.push(' ')
            position += 1
          }
          break
        }
        if (mode === 'flat') remeasure = true
        // A literal line breaks text that is content (a template literal's): its spaces stay.
        if (node.literal) {
          out.push('\n')
          position = 0
        } else {
          trimTrailingSpaces(out)
          out.push(`\n${' '.repeat(indent)}`)
          position = indent
        }
        break
      default:
        node satisfies never
    }
  }
  return out.join('')

  function chooseGroupMode(
    node: Group,
    indent: number,
    mode: Mode,
    mustRemeasure: boolean,
    remaining: number,
    rest: readonly Command[],
  ): Command {
    if (mode === 'flat' && !mustRemeasure) {
      return { indent, mode: node.broken ? 'break' : 'flat', doc: node.contents }
    }
    const flat: Command = { indent, mode: 'flat', doc: node.contents }
    if (!node.broken && fits(flat, rest, remaining, groupModes, false)) return flat
    if (node.states === undefined) return { indent, mode: 'break', doc: node.contents }
    const mostExpanded: Command = { indent, mode: 'break', doc: node.states[node.states.length - 1]! }
    if (node.broken) return mostExpanded
    for (const state of node.states.slice(1)) {
      const candidate: Command = { indent, mode: 'flat', doc: state }
      if (fits(candidate, rest, remaining, groupModes, false)) return candidate
    }
    return mostExpanded
  }
}

/**
 * Whether `next` fits in `width` columns: measured up to the first line break that will be taken,
 * continuing into the commands after it (a trailing comma or bracket counts).
 */
/**
 * The commands for the start of a fill: its first content flat when it fits, the separator after it
 * flat when the next content fits too, and the rest of the fill to decide the same way.
 */
function fillCommands(
  parts: readonly Doc[],
  indent: number,
  mode: Mode,
  remaining: number,
  groupModes: Map<symbol, Mode>,
): Command[] {
  const [content, separator] = parts
  if (content === undefined) return []
  const contentFits = fits({ indent, mode: 'flat', doc: content }, [], remaining, groupModes, true)
  const contentCommand: Command = { indent, mode: contentFits ? 'flat' : 'break', doc: content }
  if (separator === undefined) return [contentCommand]
  if (parts.length === 2) return [{ indent, mode: contentCommand.mode, doc: separator }, contentCommand]
  const next = parts[2]!
  const pairFits = fits(
    { indent, mode: 'flat', doc: [content, separator, next] },
    [],
    remaining,
    groupModes,
    true,
  )
  const rest: Command = { indent, mode, doc: { kind: 'fill', parts: parts.slice(2) } }
  return [rest, { indent, mode: pairFits ? 'flat' : 'break', doc: separator }, contentCommand]
}

function fits(
  next: Command,
  rest: readonly Command[],
  width: number,
  groupModes: Map<symbol, Mode>,
  mustBeFlat: boolean,
): boolean {
  let remaining = width
  let restIndex = rest.length
  const commands: { mode: Mode; doc: Doc }[] = [next]
  while (remaining >= 0) {
    if (commands.length === 0) {
      if (restIndex === 0) return true
      commands.push(rest[--restIndex]!)
      continue
    }
    const { mode, doc } = commands.pop()!
    if (typeof doc === 'string') {
      remaining -= textWidth(doc)
      continue
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) commands.push({ mode, doc: doc[i]! })
      continue
    }
    const node = doc as Exclude<Doc, string | readonly Doc[]>
    switch (node.kind) {
      case 'indent':
      case 'indent-if-break':
        commands.push({ mode, doc: node.contents })
        break
      case 'if-break': {
        const groupMode = node.groupId === undefined ? mode : (groupModes.get(node.groupId) ?? 'flat')
        commands.push({ mode, doc: groupMode === 'break' ? node.broken : node.flat })
        break
      }
      case 'fill':
        for (let i = node.parts.length - 1; i >= 0; i--) commands.push({ mode, doc: node.parts[i]! })
        break
      case 'group': {
        if (mustBeFlat && node.broken) return false
        const groupMode: Mode = node.broken ? 'break' : mode
        const contents =
          node.states !== undefined && groupMode === 'break'
            ? node.states[node.states.length - 1]!
            : node.contents
        commands.push({ mode: groupMode, doc: contents })
        break
      }
      case 'line':
        if (mode === 'break' || node.hard) return true
        if (!node.soft) remaining -= 1
        break
      case 'break-parent':
        break
      default:
        node satisfies never
    }
  }
  return false
}

/** Marks every group that contains a hard break as broken; conditional groups decide for themselves. */
function propagateBreaks(doc: Doc): void {
  const visit = (current: Doc, parents: Group[]): boolean => {
    if (typeof current === 'string') return false
    if (Array.isArray(current)) {
      let found = false
      for (const child of current) if (visit(child, parents)) found = true
      return found
    }
    const node = current as Exclude<Doc, string | readonly Doc[]>
    switch (node.kind) {
      case 'break-parent':
        return true
      case 'indent':
      case 'indent-if-break':
        return visit(node.contents, parents)
      case 'if-break':
        return visit(node.broken, parents) || visit(node.flat, parents)
      case 'fill':
        return visit(node.parts, parents)
      case 'line':
        return false
      case 'group': {
        let inner = false
        for (const state of node.states ?? [node.contents]) if (visit(state, [...parents, node])) inner = true
        if (node.states !== undefined) return false
        if (inner) node.broken = true
        return node.broken
      }
      default:
        return node satisfies never
    }
  }
  visit(doc, [])
}

function trimTrailingSpaces(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!
    const trimmed = last.replace(/[ \t]+$/, '')
    if (trimmed !== '') {
      out[out.length - 1] = trimmed
      return
    }
    out.pop()
  }
}

/** Display columns: wide East Asian characters take two, combining marks none. */
export function textWidth(text: string): number {
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 0x20 || (code >= 0x300 && code <= 0x36f)) continue
    width += isWide(code) ? 2 : 1
  }
  return width
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
}
