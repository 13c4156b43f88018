/**
 * The head of a CREATE FUNCTION / PROCEDURE statement written by hand: whether it replaces, the
 * kind, the schema and name, and the argument list as written. Read with a small scanner rather
 * than the SQL parser because schema modules load synchronously; the statement itself is checked by
 * PostgreSQL when generate loads it into the shadow database.
 */
export interface RoutineHeader {
  readonly kind: 'function' | 'procedure'
  readonly schema: string | undefined
  readonly name: string
  /** The text between the parentheses after the name, with runs of white space made one space. */
  readonly args: string
  /** Offset just after `CREATE`, where `OR REPLACE` goes when it is missing. */
  readonly afterCreate: number
  readonly replaces: boolean
}

export function readRoutineHeader(statement: string): RoutineHeader | undefined {
  const scan = new Scanner(statement)
  scan.skipSpace()
  if (!scan.keyword('create')) return undefined
  const afterCreate = scan.at
  scan.skipSpace()
  const replaces = scan.keyword('or')
  if (replaces) {
    scan.skipSpace()
    if (!scan.keyword('replace')) return undefined
    scan.skipSpace()
  }
  const kind = scan.keyword('function') ? 'function' : scan.keyword('procedure') ? 'procedure' : undefined
  if (kind === undefined) return undefined
  scan.skipSpace()
  const first = scan.identifier()
  if (first === undefined) return undefined
  scan.skipSpace()
  let schema: string | undefined
  let name = first
  if (scan.peek() === '.') {
    scan.at++
    scan.skipSpace()
    const second = scan.identifier()
    if (second === undefined) return undefined
    schema = first
    name = second
    scan.skipSpace()
  }
  if (scan.peek() !== '(') return undefined
  const args = scan.parenthesized()
  if (args === undefined) return undefined
  return { kind, schema, name, args: args.replace(/\s+/g, ' ').trim(), afterCreate, replaces }
}

class Scanner {
  at = 0
  constructor(private readonly text: string) {}

  peek(): string | undefined {
    return this.text[this.at]
  }

  /** White space and comments (`-- ...`, nested `/* ... *\/`). */
  skipSpace(): void {
    for (;;) {
      const rest = this.text.slice(this.at)
      const space = /^\s+/.exec(rest)
      if (space !== null) this.at += space[0].length
      else if (rest.startsWith('--')) {
        const end = this.text.indexOf('\n', this.at)
        this.at = end < 0 ? this.text.length : end + 1
      } else if (rest.startsWith('/*')) {
        let depth = 0
        while (this.at < this.text.length) {
          if (this.text.startsWith('/*', this.at)) {
            depth++
            this.at += 2
          } else if (this.text.startsWith('*/', this.at)) {
            depth--
            this.at += 2
            if (depth === 0) break
          } else this.at++
        }
      } else return
    }
  }

  keyword(word: string): boolean {
    const next = this.text.slice(this.at, this.at + word.length)
    const after = this.text[this.at + word.length]
    if (next.toLowerCase() !== word || (after !== undefined && /[\w$]/.test(after))) return false
    this.at += word.length
    return true
  }

  /** A bare identifier (folded to lower case, as PostgreSQL does) or a quoted one. */
  identifier(): string | undefined {
    if (this.peek() === '"') {
      let name = ''
      for (let i = this.at + 1; i < this.text.length; i++) {
        if (this.text[i] !== '"') name += this.text[i]
        else if (this.text[i + 1] === '"') {
          name += '"'
          i++
        } else {
          this.at = i + 1
          return name
        }
      }
      return undefined
    }
    const bare = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/.exec(this.text.slice(this.at))
    if (bare === null) return undefined
    this.at += bare[0].length
    return bare[0].toLowerCase()
  }

  /** The text inside balanced parentheses starting here (quotes respected); moves past them. */
  parenthesized(): string | undefined {
    const start = this.at + 1
    let depth = 0
    for (let i = this.at; i < this.text.length; i++) {
      const char = this.text[i]
      if (char === "'" || char === '"') {
        const close = this.text.indexOf(char, i + 1)
        if (close < 0) return undefined
        i = close
      } else if (char === '(') depth++
      else if (char === ')') {
        depth--
        if (depth === 0) {
          this.at = i + 1
          return this.text.slice(start, i)
        }
      }
    }
    return undefined
  }
}
