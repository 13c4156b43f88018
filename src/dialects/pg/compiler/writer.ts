import { TidemarkError } from '../../../errors.js'
import type { ExprNode, QueryNode } from '../../../query/ast.js'
import type { PlaceholderSlot } from '../../../query/dialect.js'
import type { ParamEncoder } from '../../../sql/sql.js'
import type { FragmentWriter } from '../../../sql/walk.js'
import { encodeParam } from '../codec/encode.js'
import { pgValueCodec } from '../codec/value-codec.js'
import { quoteIdent, quoteIdentIfNeeded, quoteLiteral, quoteObjectName } from '../grammar/quote.js'

/** How a statement or fragment is written. */
export interface WriterMode {
  /**
   * Parameters become literals (DDL cannot take bound parameters), and identifiers are quoted
   * only where PostgreSQL would quote them, as it prints view bodies and checks back.
   */
  readonly inline: boolean
  /** Columns of `sql` fragments are qualified with their table (queries) or bare (DDL in one table). */
  readonly qualifyColumns: boolean
  /** Placeholders are allowed: only a builder's statement can be prepared and filled in later. */
  readonly placeholders: boolean
}

/** What writing an expression or a nested query needs, passed in to keep the writer free of cycles. */
export interface WriterParts {
  readonly writeQuery: (w: Writer, node: QueryNode, top: boolean) => void
  readonly writeExpr: (w: Writer, node: ExprNode) => void
}

export const statementMode: WriterMode = { inline: false, qualifyColumns: true, placeholders: true }

/**
 * Accumulates one statement's text and parameters. Compilation appends to `sql` directly; values
 * go through `param`, which numbers them (or writes them as literals in inline mode). It is also
 * where `sql` fragments are written (see walkFragment), so a fragment inside a query and one
 * compiled on its own follow the same rules.
 */
export class Writer implements FragmentWriter {
  sql = ''
  readonly params: (string | null)[] = []
  slots: PlaceholderSlot[] | undefined
  /**
   * Table name to the alias its columns are written with, while a relational query writes a level
   * (a table may appear at several levels, each under its own alias).
   */
  aliases: Map<string, string> | undefined

  constructor(
    private readonly parts: WriterParts,
    readonly mode: WriterMode = statementMode,
  ) {}

  /** Writes a query nested in an expression (EXISTS, IN, a scalar subquery), without parentheses. */
  subquery(node: QueryNode): void {
    this.parts.writeQuery(this, node, false)
  }

  text(text: string): void {
    this.sql += text
  }

  identifier(names: readonly string[]): void {
    // In DDL (view bodies, checks) as PostgreSQL prints it back, so a model read from code and one
    // read from the catalog agree; in queries always quoted.
    const quote = this.mode.inline ? quoteIdentIfNeeded : quoteObjectName
    for (let i = 0; i < names.length; i++) {
      if (i > 0) this.sql += '.'
      this.sql += quote(names[i]!)
    }
  }

  column(table: string | undefined, name: string): void {
    if (table === undefined || !this.mode.qualifyColumns) {
      this.sql += quoteObjectName(name)
      return
    }
    this.sql += `${quoteIdent(this.aliases?.get(table) ?? table)}.${quoteObjectName(name)}`
  }

  expression(node: object): void {
    this.parts.writeExpr(this, node as ExprNode)
  }

  param(value: unknown, encode: ParamEncoder | undefined): void {
    const encoded = encode === undefined ? encodeParam(value) : encode(value, pgValueCodec)
    if (this.mode.inline) {
      this.sql += inlineLiteral(value, encoded)
      return
    }
    this.params.push(encoded)
    this.sql += `$${this.params.length}`
  }

  placeholder(name: string, encode: ParamEncoder | undefined): void {
    if (!this.mode.placeholders)
      throw new TidemarkError(
        `placeholder('${name}') can only be used in a query builder's statement (prepare() it), not in a sql\`\` fragment run or declared on its own`,
      )
    this.params.push(null)
    const slot = {
      index: this.params.length - 1,
      name,
      encode: encode === undefined ? encodeParam : (value: unknown) => encode(value, pgValueCodec),
    }
    if (this.slots === undefined) this.slots = [slot]
    else this.slots.push(slot)
    this.sql += `$${this.params.length}`
  }
}

function inlineLiteral(value: unknown, encoded: string | null): string {
  if (encoded === null) return 'NULL'
  if (typeof value === 'boolean') return encoded
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') {
    return value < 0 ? `(${encoded})` : encoded
  }
  return quoteLiteral(encoded)
}
