import type { ExprNode, StatementNode } from '../../../query/ast.js'
import { SQL } from '../../../sql/sql.js'
import { assertNever } from '../../../util/assert-never.js'
import { writeExpr } from './expression.js'
import { writeDelete, writeInsert, writeUpdate } from './mutations.js'
import { writeQuery } from './query.js'
import { writeRelational } from './relational.js'
import { type PlaceholderSlot, Writer } from './writer.js'

/** A compiled statement; `slots` lists the parameters that placeholders fill. */
export interface CompiledStatement {
  readonly sql: string
  readonly params: readonly (string | null)[]
  readonly slots: readonly PlaceholderSlot[] | undefined
}

/** Compiles a statement for PostgreSQL in one pass: text with `$n` and the parameters' text. */
export function compileStatement(node: StatementNode): CompiledStatement {
  const w = new Writer(writeQuery)
  switch (node.kind) {
    case 'select':
    case 'compound':
      writeQuery(w, node, true)
      break
    case 'insert':
      writeInsert(w, node)
      break
    case 'update':
      writeUpdate(w, node)
      break
    case 'delete':
      writeDelete(w, node)
      break
    case 'relational':
      writeRelational(w, node)
      break
    default:
      assertNever(node)
  }
  return { sql: w.sql, params: w.params, slots: w.slots }
}

/** An expression as a `sql` fragment, so it can be embedded in a `sql` template. */
export function expressionFragment(node: ExprNode): SQL {
  const w = new Writer(writeQuery, true)
  writeExpr(w, node)
  return new SQL(w.finishChunks())
}
