import { aliasedTable } from '../../../query/alias.js'
import type {
  CompoundNode,
  CteNode,
  ExprNode,
  FieldNode,
  JoinNode,
  LockNode,
  OrderNode,
  QueryNode,
  SelectNode,
  SourceNode,
} from '../../../query/ast.js'
import { type AnyColumn, Column } from '../../../schema/column.js'
import { tableDefinition } from '../../../schema/table.js'
import { viewDefinition } from '../../../schema/view.js'
import { assertNever } from '../../../util/assert-never.js'
import { quoteIdent, quoteObjectName } from '../grammar/quote.js'
import { writeExpr, writeList } from './expression.js'
import { bareColumn } from './names.js'
import type { Writer } from './writer.js'

/** Writes a select or a set operation; `top` is false inside subqueries, CTEs and insert ... select. */
export function writeQuery(w: Writer, node: QueryNode, top: boolean): void {
  if (node.kind === 'select') writeSelect(w, node, top)
  else writeCompound(w, node, top)
}

function writeSelect(w: Writer, node: SelectNode, top: boolean): void {
  const aliases = w.aliases
  if (aliases === undefined) {
    writeSelectBody(w, node, top)
    return
  }
  // Inside a relational query, a subquery's own sources shadow the levels' aliases of the same
  // tables, as SQL scoping does: `from users` in a subquery means that subquery's users.
  const shadowed = new Map<string, string>()
  for (const source of [node.from, ...node.joins.map((join) => join.source)]) {
    if (source === undefined) continue
    const name = source.kind === 'table' ? sourceName(source.table) : source.alias
    const alias = aliases.get(name)
    if (alias !== undefined) {
      shadowed.set(name, alias)
      aliases.delete(name)
    }
  }
  try {
    writeSelectBody(w, node, top)
  } finally {
    for (const [name, alias] of shadowed) aliases.set(name, alias)
  }
}

function writeSelectBody(w: Writer, node: SelectNode, top: boolean): void {
  if (node.ctes.length > 0) writeCtes(w, node.ctes)
  w.sql += 'select '
  if (node.distinctOn !== undefined) {
    w.sql += 'distinct on ('
    writeList(w, node.distinctOn)
    w.sql += ') '
  } else if (node.distinct) w.sql += 'distinct '
  writeFields(w, node.fields, top)
  if (node.from !== undefined) {
    w.sql += ' from '
    writeSource(w, node.from)
  }
  for (const join of node.joins) writeJoin(w, join)
  if (node.where !== undefined) {
    w.sql += ' where '
    writeExpr(w, node.where)
  }
  if (node.groupBy.length > 0) {
    w.sql += ' group by '
    writeList(w, node.groupBy)
  }
  if (node.having !== undefined) {
    w.sql += ' having '
    writeExpr(w, node.having)
  }
  if (node.orderBy.length > 0) writeOrderBy(w, node.orderBy, undefined)
  writeLimit(w, node.limit, node.offset)
  for (const lock of node.locks) writeLock(w, lock)
}

function writeCompound(w: Writer, node: CompoundNode, _top: boolean): void {
  if (node.ctes.length > 0) writeCtes(w, node.ctes)
  w.sql += '('
  writeQuery(w, node.first, false)
  w.sql += ')'
  for (const part of node.rest) {
    w.sql += ` ${part.op} (`
    writeQuery(w, part.query, false)
    w.sql += ')'
  }
  if (node.orderBy.length > 0) writeOrderBy(w, node.orderBy, firstSelect(node).fields)
  writeLimit(w, node.limit, node.offset)
}

export function firstSelect(node: QueryNode): SelectNode {
  return node.kind === 'select' ? node : firstSelect(node.first)
}

// Column fields are made once per column and key (see selection.ts), so their alias text is made once.
const aliasTexts = new WeakMap<FieldNode, string>()

function aliasText(field: FieldNode): string {
  let text = aliasTexts.get(field)
  if (text === undefined) {
    text = ` as ${quoteIdent(field.path[field.path.length - 1]!)}`
    aliasTexts.set(field, text)
  }
  return text
}

/** The select list; `returning` uses it too. */
export function writeFields(w: Writer, fields: readonly FieldNode[], top: boolean): void {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!
    if (i > 0) w.sql += ', '
    writeExpr(w, field.expr)
    if (top ? field.aliasAtTop : field.aliasNested) w.sql += aliasText(field)
  }
}

export function writeCtes(w: Writer, ctes: readonly CteNode[]): void {
  w.sql += ctes.some((cte) => cte.recursive) ? 'with recursive ' : 'with '
  for (let i = 0; i < ctes.length; i++) {
    const cte = ctes[i]!
    if (i > 0) w.sql += ', '
    w.sql += quoteIdent(cte.name)
    if (cte.columns !== undefined) w.sql += `(${cte.columns.map(quoteIdent).join(', ')})`
    w.sql += ' as ('
    writeQuery(w, cte.query, false)
    w.sql += ')'
  }
  w.sql += ' '
}

const sourceNames = new WeakMap<object, string>()

/** `"schema"."table"`, or `"schema"."table" as "alias"`, cached per table object. */
export function tableText(table: object): string {
  let text = sourceNames.get(table)
  if (text === undefined) {
    const original = aliasedTable(table)
    const definition = definitionOf(original ?? table)
    text = `${quoteObjectName(definition.schema)}.${quoteObjectName(definition.name)}`
    if (original !== undefined) text += ` as ${quoteIdent(definitionOf(table).name)}`
    sourceNames.set(table, text)
  }
  return text
}

function definitionOf(table: object): { readonly schema: string; readonly name: string } {
  const record = table as Record<symbol, { schema: string; name: string } | undefined>
  const definition = record[tableDefinition] ?? record[viewDefinition]
  if (definition === undefined) throw new TypeError('Expected a table or a view')
  return definition
}

/** The name a source's columns are qualified with. */
export function sourceName(table: object): string {
  return definitionOf(table).name
}

export function writeSource(w: Writer, source: SourceNode): void {
  switch (source.kind) {
    case 'table':
      w.sql += tableText(source.table)
      return
    case 'subquery-source':
      if (source.cte) {
        w.sql += quoteIdent(source.alias)
        return
      }
      w.sql += '('
      writeQuery(w, source.query, false)
      w.sql += `) as ${quoteIdent(source.alias)}`
      return
    default:
      assertNever(source)
  }
}

const joinKeywords = {
  inner: ' inner join ',
  left: ' left join ',
  right: ' right join ',
  full: ' full join ',
  cross: ' cross join ',
} as const

function writeJoin(w: Writer, join: JoinNode): void {
  w.sql += joinKeywords[join.type]
  if (join.lateral) w.sql += 'lateral '
  writeSource(w, join.source)
  if (join.on !== undefined) {
    w.sql += ' on '
    writeExpr(w, join.on)
  } else if (join.type !== 'cross') w.sql += ' on true'
}

export function writeOrderBy(
  w: Writer,
  items: readonly OrderNode[],
  outputs: readonly FieldNode[] | undefined,
): void {
  w.sql += ' order by '
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    if (i > 0) w.sql += ', '
    if (outputs !== undefined && item.expr instanceof Column) w.sql += outputName(item.expr, outputs)
    else writeExpr(w, item.expr)
    if (item.direction !== undefined) w.sql += item.direction === 'asc' ? ' asc' : ' desc'
    if (item.nulls !== undefined) w.sql += item.nulls === 'first' ? ' nulls first' : ' nulls last'
  }
}

/** A set operation is ordered by its output columns, named as the first query names them. */
function outputName(column: AnyColumn, outputs: readonly FieldNode[]): string {
  const field = outputs.find((f) => f.expr === column)
  return field === undefined ? bareColumn(column) : quoteIdent(field.path[field.path.length - 1]!)
}

export function writeLimit(w: Writer, limit: ExprNode | undefined, offset: ExprNode | undefined): void {
  if (limit !== undefined) {
    w.sql += ' limit '
    writeExpr(w, limit)
  }
  if (offset !== undefined) {
    w.sql += ' offset '
    writeExpr(w, offset)
  }
}

function writeLock(w: Writer, lock: LockNode): void {
  w.sql += ` for ${lock.strength}`
  if (lock.of.length > 0) w.sql += ` of ${lock.of.map((t) => quoteIdent(sourceName(t))).join(', ')}`
  if (lock.wait !== undefined) w.sql += ` ${lock.wait}`
}
