import type { QueryNode } from '../../../query/ast.js'
import type { Chunk, ParamEncoder } from '../../../sql/sql.js'
import { encodeParam } from '../codec/encode.js'

/** A placeholder's position among the parameters, filled when a prepared query runs. */
export interface PlaceholderSlot {
  readonly index: number
  readonly name: string
  readonly encode: ParamEncoder
}

/**
 * Accumulates one statement's text and parameters. Compilation appends to `sql` directly; values
 * go through `param`, which numbers them. In fragment mode (an expression embedded in a `sql`
 * template) values become chunks instead, so the enclosing fragment numbers them.
 */
export class Writer {
  sql = ''
  readonly params: (string | null)[] = []
  slots: PlaceholderSlot[] | undefined
  /** Set in fragment mode. */
  readonly chunks: Chunk[] | undefined
  /**
   * Table name to the alias its columns are written with, while a relational query writes a level
   * (a table may appear at several levels, each under its own alias).
   */
  aliases: Map<string, string> | undefined

  /**
   * `writeQuery` writes the subqueries inside expressions: passed in by whoever starts the
   * statement, so expression.ts need not import query.ts, which imports it to write expressions.
   */
  constructor(
    private readonly writeQuery: (w: Writer, node: QueryNode, top: boolean) => void,
    fragment = false,
  ) {
    this.chunks = fragment ? [] : undefined
  }

  /** Writes a query nested in an expression (EXISTS, IN, a scalar subquery), without parentheses. */
  subquery(node: QueryNode): void {
    this.writeQuery(this, node, false)
  }

  param(value: unknown, encode: ParamEncoder | undefined): void {
    if (this.chunks !== undefined) {
      this.flushText()
      this.chunks.push({ kind: 'param', value, encode })
      return
    }
    this.params.push((encode ?? encodeParam)(value))
    this.sql += `$${this.params.length}`
  }

  placeholder(name: string, encode: ParamEncoder | undefined): void {
    if (this.chunks !== undefined)
      throw new TypeError(`placeholder('${name}') cannot be used inside a sql\`\` fragment`)
    this.params.push(null)
    const slot = { index: this.params.length - 1, name, encode: encode ?? encodeParam }
    if (this.slots === undefined) this.slots = [slot]
    else this.slots.push(slot)
    this.sql += `$${this.params.length}`
  }

  /** Fragment mode: the chunks written so far, text included. */
  finishChunks(): Chunk[] {
    this.flushText()
    return this.chunks ?? []
  }

  private flushText(): void {
    if (this.sql !== '') this.chunks!.push({ kind: 'text', text: this.sql })
    this.sql = ''
  }
}
