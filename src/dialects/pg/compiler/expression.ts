import type { ExprNode, KindNode } from '../../../query/ast.js'
import { TypedExpr } from '../../../query/typed-expr.js'
import { Column } from '../../../schema/column.js'
import { SQL } from '../../../sql/sql.js'
import { walkFragment } from '../../../sql/walk.js'
import { assertNever } from '../../../util/assert-never.js'
import { bareColumn, qualifiedColumn, scopedColumn } from './names.js'
import type { Writer } from './writer.js'

/** Writes a value expression. */
export function writeExpr(w: Writer, node: ExprNode): void {
  if (node instanceof Column) {
    w.sql += w.aliases === undefined ? qualifiedColumn(node) : scopedColumn(node, w.aliases)
    return
  }
  if (node instanceof TypedExpr) {
    writeExpr(w, node.node)
    return
  }
  if (node instanceof SQL) {
    walkFragment(node, w)
    return
  }
  writeKind(w, node)
}

/** Writes an operand of an operator, in parentheses when it is itself a compound expression. */
function writeOperand(w: Writer, node: ExprNode): void {
  if (needsParentheses(node)) {
    w.sql += '('
    writeExpr(w, node)
    w.sql += ')'
  } else writeExpr(w, node)
}

function needsParentheses(node: ExprNode): boolean {
  if (node instanceof Column) return false
  if (node instanceof TypedExpr) return needsParentheses(node.node)
  if (node instanceof SQL) return node.chunks.length > 1
  switch (node.kind) {
    case 'binary':
    case 'logical':
    case 'not':
    case 'postfix':
    case 'between':
    case 'in-list':
    case 'quantified':
    case 'exists':
      return true
    default:
      return false
  }
}

function isLogicalOrFragment(node: ExprNode): boolean {
  if (node instanceof Column) return false
  if (node instanceof TypedExpr) return isLogicalOrFragment(node.node)
  if (node instanceof SQL) return node.chunks.length > 1
  return node.kind === 'logical'
}

function writeKind(w: Writer, node: KindNode): void {
  switch (node.kind) {
    case 'param':
      w.param(node.value, node.encode)
      return
    case 'placeholder':
      w.placeholder(node.name, node.encode)
      return
    case 'binary':
      writeOperand(w, node.left)
      w.sql += node.op
      writeOperand(w, node.right)
      return
    case 'logical': {
      const items = node.items
      for (let i = 0; i < items.length; i++) {
        if (i > 0) w.sql += node.op
        const item = items[i]!
        // Comparisons bind tighter than and/or; only nested and/or and raw fragments need parentheses.
        if (isLogicalOrFragment(item)) {
          w.sql += '('
          writeExpr(w, item)
          w.sql += ')'
        } else writeExpr(w, item)
      }
      return
    }
    case 'not':
      w.sql += 'not '
      writeOperand(w, node.operand)
      return
    case 'postfix':
      writeOperand(w, node.operand)
      w.sql += node.op
      return
    case 'between':
      writeOperand(w, node.operand)
      w.sql += node.negated ? ' not between ' : ' between '
      writeOperand(w, node.low)
      w.sql += ' and '
      writeOperand(w, node.high)
      return
    case 'in-list':
      if (node.items.length === 0) {
        // `in ()` is a syntax error; the answer is known: nothing is in an empty list.
        w.sql += node.negated ? 'true' : 'false'
        return
      }
      writeOperand(w, node.operand)
      w.sql += node.negated ? ' not in (' : ' in ('
      writeList(w, node.items)
      w.sql += ')'
      return
    case 'quantified':
      writeOperand(w, node.operand)
      if ('kind' in node.array && (node.array.kind === 'select' || node.array.kind === 'compound')) {
        w.sql += node.negated ? ' not in (' : ' in ('
        w.subquery(node.array)
      } else {
        w.sql += node.negated ? ' <> all(' : ' = any('
        writeExpr(w, node.array as ExprNode)
      }
      w.sql += ')'
      return
    case 'exists':
      w.sql += node.negated ? 'not exists (' : 'exists ('
      w.subquery(node.query)
      w.sql += ')'
      return
    case 'subquery':
      w.sql += '('
      w.subquery(node.query)
      w.sql += ')'
      return
    case 'call':
      w.sql += node.distinct ? `${node.name}(distinct ` : `${node.name}(`
      writeList(w, node.args)
      w.sql += ')'
      return
    case 'excluded':
      w.sql += 'excluded.'
      w.sql += bareColumn(node.column)
      return
    case 'keyword':
      w.sql += node.text
      return
    default:
      assertNever(node)
  }
}

export function writeList(w: Writer, items: readonly ExprNode[]): void {
  for (let i = 0; i < items.length; i++) {
    if (i > 0) w.sql += ', '
    writeExpr(w, items[i]!)
  }
}
