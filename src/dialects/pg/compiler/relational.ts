import type { OrderNode } from '../../../query/ast.js'
import {
  JSON_ARGS_MAX,
  type LevelChild,
  type LevelNode,
  type RelationalNode,
} from '../../../relations/level.js'
import { tableDefinition } from '../../../schema/table.js'
import { quoteIdent, quoteObjectName } from '../grammar/quote.js'
import { writeExpr } from './expression.js'
import { bareColumn } from './names.js'
import { tableText, writeLimit, writeOrderBy } from './query.js'
import type { Writer } from './writer.js'

/**
 * A relational query as one statement: the root level's values as columns, and each relation as a
 * correlated subquery that aggregates its rows into JSON (`json_agg(json_build_array(...))` for
 * many, one `json_build_array(...)` for one), nested to any depth. Subqueries in the select list
 * run after the root's ORDER BY and LIMIT, so only the returned rows load their relations.
 */
export function writeRelational(w: Writer, node: RelationalNode): void {
  const outer = w.aliases
  w.aliases = new Map()
  const leave = enter(w, node.root)
  const root = node.root
  w.sql += 'select '
  let first = true
  const next = () => {
    if (!first) w.sql += ', '
    first = false
  }
  for (const { column } of root.columns) {
    next()
    w.sql += `${quoteIdent(root.alias)}.${bareColumn(column)}`
  }
  for (const extra of root.extras) {
    next()
    if (extra.decode === undefined) {
      w.sql += 'to_json('
      writeExpr(w, extra.expr)
      w.sql += ')'
    } else writeExpr(w, extra.expr)
  }
  for (const child of root.children) {
    next()
    writeChild(w, root, child)
  }
  if (root.offset === undefined) {
    writeRootRows(w, root)
  } else {
    // Rows an OFFSET skips are still projected below the Limit node, relations and all: choose
    // the rows in a derived table under the same alias, then load relations for those alone.
    w.sql += ` from (select ${quoteIdent(root.alias)}.*`
    writeRootRows(w, root)
    w.sql += `) as ${quoteIdent(root.alias)}`
    if (root.orderBy.length > 0) writeOrderBy(w, root.orderBy, undefined)
  }
  leave()
  w.aliases = outer
}

/** ` from <table> as "t0" where ... order by ... limit ... offset ...` */
function writeRootRows(w: Writer, root: LevelNode): void {
  w.sql += ` from ${fromText(root)}`
  if (root.where !== undefined) {
    w.sql += ' where '
    writeExpr(w, root.where)
  }
  if (root.orderBy.length > 0) writeOrderBy(w, root.orderBy, undefined)
  writeLimit(w, root.limit, root.offset)
}

/** Columns of the level's table are written with the level's alias until the level is left. */
function enter(w: Writer, level: LevelNode): () => void {
  const aliases = w.aliases!
  const name = level.table[tableDefinition].name
  const previous = aliases.get(name)
  aliases.set(name, level.alias)
  return () => {
    if (previous === undefined) aliases.delete(name)
    else aliases.set(name, previous)
  }
}

function fromText(level: LevelNode): string {
  return `${tableText(level.table)} as ${quoteIdent(level.alias)}`
}

function writeChild(w: Writer, parent: LevelNode, child: LevelChild): void {
  const { relation, level } = child
  const leave = enter(w, level)
  if (relation.kind === 'one') {
    w.sql += '(select '
    writeJsonRow(w, level)
    writeSource(w, parent, child)
    if (level.orderBy.length > 0) writeOrderBy(w, level.orderBy, undefined)
    w.sql += ' limit 1)'
  } else if (level.limit === undefined && level.offset === undefined) {
    w.sql += '(select coalesce(json_agg('
    writeJsonRow(w, level)
    if (level.orderBy.length > 0) writeOrderBy(w, level.orderBy, undefined)
    w.sql += "), '[]'::json)"
    writeSource(w, parent, child)
    w.sql += ')'
  } else {
    // LIMIT applies to rows, so the rows are chosen in a subquery; its order keys travel beside each
    // row so that json_agg keeps that order (a subquery's order alone is not guaranteed to survive).
    const rows = quoteIdent(`${level.alias}_rows`)
    w.sql += `(select coalesce(json_agg(${rows}."r"`
    writeKeyOrder(w, rows, level.orderBy)
    w.sql += "), '[]'::json) from (select "
    writeJsonRow(w, level)
    w.sql += ' as "r"'
    level.orderBy.forEach((item, i) => {
      w.sql += ', '
      writeExpr(w, item.expr)
      w.sql += ` as "o${i}"`
    })
    writeSource(w, parent, child)
    if (level.orderBy.length > 0) writeOrderBy(w, level.orderBy, undefined)
    writeLimit(w, level.limit, level.offset)
    w.sql += `) as ${rows})`
  }
  leave()
}

function writeKeyOrder(w: Writer, rows: string, orderBy: readonly OrderNode[]): void {
  orderBy.forEach((item, i) => {
    w.sql += i === 0 ? ' order by ' : ', '
    w.sql += `${rows}."o${i}"`
    if (item.direction !== undefined) w.sql += item.direction === 'asc' ? ' asc' : ' desc'
    if (item.nulls !== undefined) w.sql += item.nulls === 'first' ? ' nulls first' : ' nulls last'
  })
}

/** ` from <target> [join <junction>] where <correlation> [and (<where>)]` */
function writeSource(w: Writer, parent: LevelNode, child: LevelChild): void {
  const { relation, level } = child
  const target = quoteIdent(level.alias)
  w.sql += ` from ${fromText(level)}`
  const through = relation.through
  if (through === undefined) {
    w.sql += ` where ${target}.${bareColumn(relation.remote)} = ${quoteIdent(parent.alias)}.${bareColumn(relation.local)}`
  } else {
    const junction = quoteIdent(`${level.alias}_j`)
    w.sql += ` inner join ${quoteObjectName(through.table.schema)}.${quoteObjectName(through.table.name)} as ${junction}`
    w.sql += ` on ${junction}.${bareColumn(through.remote)} = ${target}.${bareColumn(relation.remote)}`
    w.sql += ` where ${junction}.${bareColumn(through.local)} = ${quoteIdent(parent.alias)}.${bareColumn(relation.local)}`
  }
  if (level.where !== undefined) {
    w.sql += ' and ('
    writeExpr(w, level.where)
    w.sql += ')'
  }
}

/** `json_build_array(...)` of the level's values, in chunks of at most 100 when the row is wider. */
function writeJsonRow(w: Writer, level: LevelNode): void {
  const writers: (() => void)[] = []
  for (const { column, read } of level.columns) {
    writers.push(() => {
      w.sql += `${quoteIdent(level.alias)}.${bareColumn(column)}`
      if (read === 'text') w.sql += '::text'
    })
  }
  for (const extra of level.extras) {
    writers.push(() => {
      if (extra.decode === undefined) writeExpr(w, extra.expr)
      else {
        w.sql += '('
        writeExpr(w, extra.expr)
        w.sql += ')::text'
      }
    })
  }
  for (const child of level.children) writers.push(() => writeChild(w, level, child))
  const writeArray = (part: readonly (() => void)[]) => {
    w.sql += 'json_build_array('
    part.forEach((write, i) => {
      if (i > 0) w.sql += ', '
      write()
    })
    w.sql += ')'
  }
  if (writers.length <= JSON_ARGS_MAX) {
    writeArray(writers)
    return
  }
  const chunks: (() => void)[] = []
  for (let start = 0; start < writers.length; start += JSON_ARGS_MAX) {
    const part = writers.slice(start, start + JSON_ARGS_MAX)
    chunks.push(() => writeArray(part))
  }
  writeArray(chunks)
}
