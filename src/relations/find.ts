import type { StatementNode } from '../query/ast.js'
import type { QueryExecutor } from '../query/executor.js'
import type { RowMapper } from '../query/row-mapper.js'
import { Runnable } from '../query/runnable.js'
import type { AnyTable } from '../schema/table.js'
import { setOwnProperty } from '../util/own-property.js'
import { relationalMapper } from './decode.js'
import type { RelationGraph } from './graph.js'
import type { RelationalNode } from './level.js'
import { buildLevelTree, type RawFindConfig } from './level-tree.js'
import type { FindConfig, FindRow, KnownKeys, TableKeys } from './types.js'

/**
 * A `findMany` or `findFirst`: one SQL statement, awaitable, with `toSQL()` and `prepare()` like
 * every query.
 */
export class RelationalQuery<Result> extends Runnable<Result> {
  private readonly node: RelationalNode
  private readonly mapper: RowMapper

  constructor(
    executor: QueryExecutor,
    graph: RelationGraph,
    table: AnyTable,
    config: RawFindConfig | undefined,
    first: boolean,
  ) {
    super(executor)
    const root = buildLevelTree(graph, table, config, first)
    this.node = { kind: 'relational', root }
    this.mapper = relationalMapper(root, first)
  }

  /** @internal */
  toStatementNode(): StatementNode {
    return this.node
  }

  protected rowMapper(): RowMapper {
    return this.mapper
  }
}

/** `db.query.<table>`: reads of a table with its related rows. */
export interface TableQuery<S, R, K extends keyof S> {
  /**
   * Rows of the table with the relations named under `with`, nested to any depth, in one statement.
   *
   * @example
   * const rows = await db.query.users.findMany({
   *   columns: { id: true, name: true },
   *   where: eq(users.active, true),
   *   with: { posts: { orderBy: desc(posts.createdAt), limit: 3, with: { comments: true } } },
   * })
   */
  findMany<C extends FindConfig<S, R, K> = {}>(
    config?: C & KnownKeys<S, R, K, C>,
  ): RelationalQuery<FindRow<S, R, K, C>[]>
  /** The first row `findMany` would give (with `limit: 1`), or undefined. */
  findFirst<C extends Omit<FindConfig<S, R, K>, 'limit'> = {}>(
    config?: C & KnownKeys<S, R, K, C>,
  ): RelationalQuery<FindRow<S, R, K, C> | undefined>
}

/** `db.query`: one entry per table of the schema. */
export type RelationalQueries<S, R> = { readonly [K in TableKeys<S>]: TableQuery<S, R, K> }

/** The `query` object of a database or transaction over a schema's relation graph. */
export function relationalQueries(
  executor: QueryExecutor,
  graph: RelationGraph | undefined,
): Record<string, unknown> {
  const queries: Record<string, unknown> = {}
  if (graph === undefined) return queries
  for (const { key, table } of graph.values()) {
    setOwnProperty(
      queries,
      key,
      Object.freeze({
        findMany: (config?: RawFindConfig) => new RelationalQuery(executor, graph, table, config, false),
        findFirst: (config?: RawFindConfig) => new RelationalQuery(executor, graph, table, config, true),
      }),
    )
  }
  return Object.freeze(queries)
}
