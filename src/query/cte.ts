import type { CteNode, FieldNode, QueryNode, SubquerySourceNode } from './ast.js'
import type { Subquery } from './result-types.js'
import type { Runnable } from './runnable.js'
import type { SetOperand } from './set-operations.js'
import { makeSubquery } from './subquery.js'
import { type SubqueryDefinition, subqueryDefinition } from './subquery-definition.js'

type RowsOf<Q> = Q extends Runnable<(infer R)[]> ? R : never

/** Where a CTE object keeps its WITH-clause entry. */
const cteNodes = new WeakMap<object, CteNode>()

/**
 * A common table expression: a named query that `db.with(...)` puts in front of a statement and
 * that the statement reads like a table.
 *
 * @example
 * const recent = cte('recent', db.select({ id: posts.id, authorId: posts.authorId }).from(posts).limit(10))
 * await db.with(recent).select().from(recent)
 * // with "recent" as (select ... limit $1) select "recent"."id", "recent"."authorId" from "recent"
 */
export function cte<A extends string, Q extends SetOperand & Runnable<unknown[]>>(
  name: A,
  query: Q,
): Subquery<A, RowsOf<Q>> {
  const source = makeSubquery<A, RowsOf<Q>>(name, query.fieldNodes(), cteSource(name, query.toQueryNode()))
  cteNodes.set(source, { name, query: query.toQueryNode(), recursive: false, columns: undefined })
  return source
}

/**
 * A recursive CTE: `base union all step`, where `step` reads the CTE itself. Its columns are the
 * base query's fields.
 *
 * @example
 * const tree = recursiveCte('tree', db.select({ id: nodes.id }).from(nodes).where(isNull(nodes.parentId)),
 *   (tree) => db.select({ id: nodes.id }).from(nodes).innerJoin(tree, eq(nodes.parentId, tree.id)))
 */
export function recursiveCte<A extends string, Q extends SetOperand & Runnable<unknown[]>>(
  name: A,
  base: Q,
  step: (self: Subquery<A, RowsOf<Q>>) => SetOperand,
  options: { readonly distinct?: boolean } = {},
): Subquery<A, RowsOf<Q>> {
  const fields: readonly FieldNode[] = base.fieldNodes()
  const placeholderNode = cteSource(name, base.toQueryNode())
  const self = makeSubquery<A, RowsOf<Q>>(name, fields, placeholderNode)
  const recursive = step(self)
  const query: QueryNode = {
    kind: 'compound',
    ctes: [],
    first: base.toQueryNode(),
    rest: [{ op: options.distinct ? 'union' : 'union all', query: recursive.toQueryNode() }],
    orderBy: [],
    limit: undefined,
    offset: undefined,
  }
  const columns = fields.map((field) => field.path[field.path.length - 1]!)
  cteNodes.set(self, { name, query, recursive: true, columns })
  return self
}

function cteSource(name: string, query: QueryNode): SubquerySourceNode {
  return { kind: 'subquery-source', alias: name, query, cte: true }
}

/** The WITH-clause entry of a CTE object. */
export function cteNodeOf(source: object): CteNode {
  const node = cteNodes.get(source)
  if (node === undefined) {
    const definition = (source as { [subqueryDefinition]?: SubqueryDefinition })[subqueryDefinition]
    throw new TypeError(`with(): ${definition?.alias ?? 'this source'} is not a CTE; create it with cte()`)
  }
  return node
}
