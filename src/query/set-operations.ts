import type { CompoundNode, FieldNode, QueryNode, SetOperator, StatementNode } from './ast.js'
import type { QueryExecutor } from './executor.js'
import { orderNode } from './order.js'
import type { Placeholder } from './placeholder.js'
import type { Subquery } from './result-types.js'
import type { RowMapper } from './row-mapper.js'
import { Runnable } from './runnable.js'
import type { OrderArg } from './select.js'
import { makeSubquery } from './subquery.js'
import { countNode } from './values.js'

/** A query that can be combined with a set operator. */
export interface SetOperand {
  toQueryNode(): QueryNode
  fieldNodes(): readonly FieldNode[]
  /** Type-only: refuses a select whose fields read a table it does not (see `SelectQuery`). */
  readonly $notInQuery?: never
}

/**
 * `(first) union (second) ...`, ordered and limited as a whole. Rows take the first query's shape;
 * each query must select the same number of fields of compatible types.
 */
export class SetOperationQuery<Row> extends Runnable<Row[]> {
  constructor(
    executor: QueryExecutor,
    private readonly node: CompoundNode,
    private readonly fields: readonly FieldNode[],
    private readonly mapper: RowMapper,
  ) {
    super(executor)
  }

  private with(changes: Partial<CompoundNode>): SetOperationQuery<Row> {
    return new SetOperationQuery(this.executor, { ...this.node, ...changes }, this.fields, this.mapper)
  }

  private add(op: SetOperator, other: SetOperand): SetOperationQuery<Row> {
    checkWidth(this.fields, other)
    return this.with({ rest: [...this.node.rest, { op, query: other.toQueryNode() }] })
  }

  union(other: SetOperand): SetOperationQuery<Row> {
    return this.add('union', other)
  }

  unionAll(other: SetOperand): SetOperationQuery<Row> {
    return this.add('union all', other)
  }

  intersect(other: SetOperand): SetOperationQuery<Row> {
    return this.add('intersect', other)
  }

  intersectAll(other: SetOperand): SetOperationQuery<Row> {
    return this.add('intersect all', other)
  }

  except(other: SetOperand): SetOperationQuery<Row> {
    return this.add('except', other)
  }

  exceptAll(other: SetOperand): SetOperationQuery<Row> {
    return this.add('except all', other)
  }

  /** Orders the combined rows; columns are written as the first query's output names. */
  orderBy(...items: OrderArg<string>[]): SetOperationQuery<Row> {
    return this.with({ orderBy: [...this.node.orderBy, ...items.map(orderNode)] })
  }

  limit(count: number | Placeholder): SetOperationQuery<Row> {
    return this.with({ limit: countNode(count) })
  }

  offset(count: number | Placeholder): SetOperationQuery<Row> {
    return this.with({ offset: countNode(count) })
  }

  /** The combined query as a source for another query. */
  as<A extends string>(alias: A): Subquery<A, Row> {
    return makeSubquery(alias, this.fields, { kind: 'subquery-source', alias, query: this.node, cte: false })
  }

  /** @internal */
  toQueryNode(): QueryNode {
    return this.node
  }

  /** @internal */
  toStatementNode(): StatementNode {
    return this.node
  }

  /** @internal */
  fieldNodes(): readonly FieldNode[] {
    return this.fields
  }

  protected rowMapper(): RowMapper {
    return this.mapper
  }
}

function checkWidth(fields: readonly FieldNode[], other: SetOperand): void {
  const width = other.fieldNodes().length
  if (width !== fields.length) {
    throw new TypeError(
      `A set operation needs queries of the same width: ${fields.length} fields and ${width}`,
    )
  }
}

/** Starts a set operation from a first query (already checked by the `this` of its method). */
export function setOperation<Row>(
  executor: QueryExecutor,
  first: Pick<SetOperand, 'toQueryNode' | 'fieldNodes'>,
  op: SetOperator,
  other: SetOperand,
  mapper: RowMapper,
): SetOperationQuery<Row> {
  const fields = first.fieldNodes()
  checkWidth(fields, other)
  const node: CompoundNode = {
    kind: 'compound',
    ctes: [],
    first: first.toQueryNode(),
    rest: [{ op, query: other.toQueryNode() }],
    orderBy: [],
    limit: undefined,
    offset: undefined,
  }
  return new SetOperationQuery(executor, node, fields, mapper)
}
