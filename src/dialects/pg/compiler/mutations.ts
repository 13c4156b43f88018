import type {
  ConflictNode,
  DeleteNode,
  InsertNode,
  SetNode,
  SourceNode,
  UpdateNode,
} from '../../../query/ast.js'
import { quoteObjectName } from '../grammar/quote.js'
import { writeExpr } from './expression.js'
import { bareColumn } from './names.js'
import { writeCtes, writeFields, writeQuery, writeSource } from './query.js'
import type { Writer } from './writer.js'

export function writeInsert(w: Writer, node: InsertNode): void {
  if (node.ctes.length > 0) writeCtes(w, node.ctes)
  w.sql += 'insert into '
  writeSource(w, { kind: 'table', table: node.table })
  w.sql += ' ('
  for (let i = 0; i < node.columns.length; i++) {
    if (i > 0) w.sql += ', '
    w.sql += bareColumn(node.columns[i]!)
  }
  w.sql += ') '
  if ('kind' in node.rows) writeQuery(w, node.rows, false)
  else {
    w.sql += 'values '
    const rows = node.rows
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!
      w.sql += r === 0 ? '(' : ', ('
      for (let i = 0; i < row.length; i++) {
        if (i > 0) w.sql += ', '
        writeExpr(w, row[i]!)
      }
      w.sql += ')'
    }
  }
  if (node.conflict !== undefined) writeConflict(w, node.conflict)
  if (node.returning !== undefined) {
    w.sql += ' returning '
    writeFields(w, node.returning, true)
  }
}

function writeConflict(w: Writer, conflict: ConflictNode): void {
  w.sql += ' on conflict'
  if (conflict.constraint !== undefined) w.sql += ` on constraint ${quoteObjectName(conflict.constraint)}`
  else if (conflict.target !== undefined) {
    w.sql += ' ('
    for (let i = 0; i < conflict.target.length; i++) {
      if (i > 0) w.sql += ', '
      w.sql += bareColumn(conflict.target[i]!)
    }
    w.sql += ')'
    if (conflict.targetWhere !== undefined) {
      w.sql += ' where '
      writeExpr(w, conflict.targetWhere)
    }
  }
  if (conflict.set === undefined) {
    w.sql += ' do nothing'
    return
  }
  w.sql += ' do update set '
  writeSet(w, conflict.set)
  if (conflict.where !== undefined) {
    w.sql += ' where '
    writeExpr(w, conflict.where)
  }
}

function writeSet(w: Writer, set: readonly SetNode[]): void {
  for (let i = 0; i < set.length; i++) {
    const item = set[i]!
    if (i > 0) w.sql += ', '
    w.sql += bareColumn(item.column)
    w.sql += ' = '
    writeExpr(w, item.value)
  }
}

function writeSources(w: Writer, keyword: string, sources: readonly SourceNode[]): void {
  for (let i = 0; i < sources.length; i++) {
    w.sql += i === 0 ? keyword : ', '
    writeSource(w, sources[i]!)
  }
}

export function writeUpdate(w: Writer, node: UpdateNode): void {
  if (node.ctes.length > 0) writeCtes(w, node.ctes)
  w.sql += 'update '
  writeSource(w, { kind: 'table', table: node.table })
  w.sql += ' set '
  writeSet(w, node.set)
  writeSources(w, ' from ', node.from)
  writeWhereAndReturning(w, node)
}

export function writeDelete(w: Writer, node: DeleteNode): void {
  if (node.ctes.length > 0) writeCtes(w, node.ctes)
  w.sql += 'delete from '
  writeSource(w, { kind: 'table', table: node.table })
  writeSources(w, ' using ', node.using)
  writeWhereAndReturning(w, node)
}

/** The `where` and `returning` clauses update and delete end with. */
function writeWhereAndReturning(w: Writer, node: UpdateNode | DeleteNode): void {
  if (node.where !== undefined) {
    w.sql += ' where '
    writeExpr(w, node.where)
  }
  if (node.returning !== undefined) {
    w.sql += ' returning '
    writeFields(w, node.returning, true)
  }
}
