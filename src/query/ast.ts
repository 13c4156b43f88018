/**
 * The query AST: plain, frozen data with a `kind` discriminant. Builders produce it, the dialect
 * compiler turns it into text and parameters in one pass. Columns and `sql` fragments appear in it
 * as themselves (no wrapper node), which keeps building a query cheap.
 */

import type { RelationalNode } from '../relations/level.js'
import type { AnyColumn } from '../schema/column.js'
import type { IndexElement } from '../schema/indexes.js'
import type { AnyTable } from '../schema/table.js'
import type { View } from '../schema/view.js'
import type { ParamEncoder, SQL } from '../sql/sql.js'
import type { Expr } from './expr.js'

/** Text from the server to a JS value. */
export type Decoder = (text: string) => unknown

/** Anything that can stand where a value expression is expected. */
export type ExprNode = AnyColumn | SQL | Expr<unknown, string> | KindNode

export type KindNode =
  | ParamNode
  | PlaceholderNode
  | BinaryNode
  | LogicalNode
  | NotNode
  | PostfixNode
  | BetweenNode
  | InListNode
  | QuantifiedNode
  | ExistsNode
  | SubqueryNode
  | CallNode
  | ExcludedNode
  | KeywordNode

export interface ParamNode {
  readonly kind: 'param'
  readonly value: unknown
  /** The column type's encoder when the value meets a column, else the generic one. */
  readonly encode: ParamEncoder | undefined
}

/** A value supplied when a prepared query runs. */
export interface PlaceholderNode {
  readonly kind: 'placeholder'
  readonly name: string
  readonly encode: ParamEncoder | undefined
}

/** `left <op> right`; `op` is one of a fixed set of operator spellings, never user text. */
export interface BinaryNode {
  readonly kind: 'binary'
  readonly left: ExprNode
  readonly op: string
  readonly right: ExprNode
}

export interface LogicalNode {
  readonly kind: 'logical'
  readonly op: ' and ' | ' or '
  readonly items: readonly ExprNode[]
}

export interface NotNode {
  readonly kind: 'not'
  readonly operand: ExprNode
}

/** `operand is null`, `operand is not null`. */
export interface PostfixNode {
  readonly kind: 'postfix'
  readonly operand: ExprNode
  readonly op: ' is null' | ' is not null'
}

export interface BetweenNode {
  readonly kind: 'between'
  readonly operand: ExprNode
  readonly low: ExprNode
  readonly high: ExprNode
  readonly negated: boolean
}

/** `operand in (a, b)`; an empty list compiles to a constant. */
export interface InListNode {
  readonly kind: 'in-list'
  readonly operand: ExprNode
  readonly items: readonly ExprNode[]
  readonly negated: boolean
}

/** `operand = any(array)` / `operand <> all(array)`, or `in (subquery)` when `array` is a query. */
export interface QuantifiedNode {
  readonly kind: 'quantified'
  readonly operand: ExprNode
  readonly negated: boolean
  readonly array: ExprNode | QueryNode
}

export interface ExistsNode {
  readonly kind: 'exists'
  readonly query: QueryNode
  readonly negated: boolean
}

/** A query used as a value: `(select ...)`. */
export interface SubqueryNode {
  readonly kind: 'subquery'
  readonly query: QueryNode
}

/** A function call with a fixed name: `count(distinct x)`, `sum(x)`, `count(*)` (no args). */
export interface CallNode {
  readonly kind: 'call'
  readonly name: string
  readonly distinct: boolean
  readonly args: readonly ExprNode[]
}

/** `excluded."column"` inside ON CONFLICT DO UPDATE. */
export interface ExcludedNode {
  readonly kind: 'excluded'
  readonly column: AnyColumn
}

/** A fixed keyword: `default` in an insert, `*` in `count(*)`. */
export interface KeywordNode {
  readonly kind: 'keyword'
  readonly text: 'default' | '*'
}

/** One value in a result row, placed at `path` in the row object. */
export interface FieldNode {
  readonly path: readonly string[]
  readonly expr: ExprNode
  readonly decode: Decoder | undefined
  /** Set for the columns of a table selected as a whole (`select()` over joins, `{ user: users }`). */
  readonly group: string | undefined
  /**
   * Write the alias (` as "key"`, the last step of the path) when the field's own name would not be
   * its key: in a top-level statement (expressions), or only in nested queries (renamed columns).
   */
  readonly aliasAtTop: boolean
  readonly aliasNested: boolean
}

/** What a query reads from. */
export type SourceNode = TableSourceNode | SubquerySourceNode

export interface TableSourceNode {
  readonly kind: 'table'
  /** A table, view or alias of one. */
  readonly table: AnyTable | View
}

/** A subquery in FROM (`(select ...) as "alias"`) or a reference to a CTE by name. */
export interface SubquerySourceNode {
  readonly kind: 'subquery-source'
  readonly alias: string
  readonly query: QueryNode
  /** CTEs are referenced by name; their query sits in the WITH clause. */
  readonly cte: boolean
}

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross'

export interface JoinNode {
  readonly type: JoinType
  readonly source: SourceNode
  readonly on: ExprNode | undefined
  readonly lateral: boolean
}

export interface OrderNode {
  readonly expr: ExprNode
  readonly direction: 'asc' | 'desc' | undefined
  readonly nulls: 'first' | 'last' | undefined
}

export type OrderItem = ExprNode | IndexElement

export interface LockNode {
  readonly strength: 'update' | 'no key update' | 'share' | 'key share'
  readonly of: readonly (AnyTable | View)[]
  readonly wait: 'nowait' | 'skip locked' | undefined
}

export interface CteNode {
  readonly name: string
  readonly query: QueryNode
  readonly recursive: boolean
  /** Column names, listed for recursive CTEs so both arms agree. */
  readonly columns: readonly string[] | undefined
}

export interface SelectNode {
  readonly kind: 'select'
  readonly ctes: readonly CteNode[]
  readonly distinct: boolean
  readonly distinctOn: readonly ExprNode[] | undefined
  readonly fields: readonly FieldNode[]
  readonly from: SourceNode | undefined
  readonly joins: readonly JoinNode[]
  readonly where: ExprNode | undefined
  readonly groupBy: readonly ExprNode[]
  readonly having: ExprNode | undefined
  readonly orderBy: readonly OrderNode[]
  readonly limit: ExprNode | undefined
  readonly offset: ExprNode | undefined
  readonly locks: readonly LockNode[]
  /** Names of the sources whose columns may be NULL because of outer joins. */
  readonly nullable: readonly string[]
}

export type SetOperator = 'union' | 'union all' | 'intersect' | 'intersect all' | 'except' | 'except all'

/** `(left) union (right) ...`, ordered and limited as a whole. */
export interface CompoundNode {
  readonly kind: 'compound'
  readonly ctes: readonly CteNode[]
  readonly first: QueryNode
  readonly rest: readonly { readonly op: SetOperator; readonly query: QueryNode }[]
  readonly orderBy: readonly OrderNode[]
  readonly limit: ExprNode | undefined
  readonly offset: ExprNode | undefined
}

export interface ConflictNode {
  readonly target: readonly AnyColumn[] | undefined
  readonly constraint: string | undefined
  readonly targetWhere: ExprNode | undefined
  /** Undefined for DO NOTHING. */
  readonly set: readonly SetNode[] | undefined
  readonly where: ExprNode | undefined
}

export interface SetNode {
  readonly column: AnyColumn
  readonly value: ExprNode
}

export interface InsertNode {
  readonly kind: 'insert'
  readonly ctes: readonly CteNode[]
  readonly table: AnyTable
  readonly columns: readonly AnyColumn[]
  /** One list of values per row, in `columns` order; or a query (insert ... select). */
  readonly rows: readonly (readonly ExprNode[])[] | QueryNode
  readonly conflict: ConflictNode | undefined
  readonly returning: readonly FieldNode[] | undefined
}

export interface UpdateNode {
  readonly kind: 'update'
  readonly ctes: readonly CteNode[]
  readonly table: AnyTable
  readonly set: readonly SetNode[]
  readonly from: readonly SourceNode[]
  readonly where: ExprNode | undefined
  /** True once the caller chose `.where()` or `.all()`; executing without either is refused. */
  readonly filtered: boolean
  readonly returning: readonly FieldNode[] | undefined
}

export interface DeleteNode {
  readonly kind: 'delete'
  readonly ctes: readonly CteNode[]
  readonly table: AnyTable
  readonly using: readonly SourceNode[]
  readonly where: ExprNode | undefined
  readonly filtered: boolean
  readonly returning: readonly FieldNode[] | undefined
}

/** A query that produces rows and can be nested. */
export type QueryNode = SelectNode | CompoundNode

export type StatementNode = QueryNode | InsertNode | UpdateNode | DeleteNode | RelationalNode
