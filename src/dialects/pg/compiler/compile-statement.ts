import type { StatementNode } from '../../../query/ast.js'
import type { CompiledStatement } from '../../../query/dialect.js'
import { assertNever } from '../../../util/assert-never.js'
import { writeDelete, writeInsert, writeUpdate } from './mutations.js'
import { writeQuery } from './query.js'
import { writeRelational } from './relational.js'
import { Writer } from './writer.js'
import { writerParts } from './writer-parts.js'

/** Compiles a statement for PostgreSQL in one pass: text with `$n` and the parameters' text. */
export function compileStatement(node: StatementNode): CompiledStatement {
  const w = new Writer(writerParts)
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
