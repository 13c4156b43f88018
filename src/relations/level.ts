import type { Decoder, ExprNode, OrderNode } from '../query/ast.js'
import type { AnyColumn } from '../schema/column.js'
import type { AnyTable } from '../schema/table.js'
import type { ResolvedRelation } from './graph.js'

/**
 * A level's values travel as one JSON array per row, split into arrays of at most this many values
 * when the level is wider: the compiler writes them so (PostgreSQL functions take at most 100
 * arguments), and decoding reads them so.
 */
export const JSON_ARGS_MAX = 100

/**
 * How a value travels inside the nested JSON: `native` values are already the JS value (numbers,
 * booleans, strings, json), `number` is a JSON number or, for NaN and the infinities, their text;
 * `text` values are the server's text for the column's own decoder.
 */
export type JsonRead = 'native' | 'number' | 'text'

export interface LevelColumn {
  readonly key: string
  readonly column: AnyColumn
  readonly read: JsonRead
}

export interface LevelExtra {
  readonly key: string
  readonly expr: ExprNode
  /** The expression's decoder (read from text), or undefined: its JSON value as it is. */
  readonly decode: Decoder | undefined
}

export interface LevelChild {
  readonly key: string
  readonly relation: ResolvedRelation
  readonly level: LevelNode
}

/** One level of a relational query: a table, what to read from it, and the relations under it. */
export interface LevelNode {
  readonly table: AnyTable
  /** The level's alias in SQL (`t0`, `t1`, ...): a table may appear at several levels. */
  readonly alias: string
  readonly columns: readonly LevelColumn[]
  readonly extras: readonly LevelExtra[]
  readonly where: ExprNode | undefined
  readonly orderBy: readonly OrderNode[]
  readonly limit: ExprNode | undefined
  readonly offset: ExprNode | undefined
  readonly children: readonly LevelChild[]
}

/** A `findMany` / `findFirst`: one statement whatever the nesting. */
export interface RelationalNode {
  readonly kind: 'relational'
  readonly root: LevelNode
}
