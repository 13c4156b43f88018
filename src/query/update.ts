import { TidemarkError } from '../errors.js'
import type { InferSelect } from '../schema/infer.js'
import type { AnyTable } from '../schema/table.js'
import type { CteNode, ExprNode, FieldNode, StatementNode, UpdateNode } from './ast.js'
import type { QueryExecutor, WriteResult } from './executor.js'
import type { ConditionOver } from './expr.js'
import type { Joinable, NameOf, RowOf } from './result-types.js'
import { type RowMapper, rowMapper } from './row-mapper.js'
import { Runnable } from './runnable.js'
import { type Selection, sourceInfo } from './selection.js'
import { andNode } from './values.js'
import { returningFields, setNodes, type UpdateValues } from './write-values.js'

/** `db.update(table)`: say what to `set()`. */
export class UpdateStart<T extends AnyTable> {
  constructor(
    private readonly executor: QueryExecutor | undefined,
    private readonly table: T,
    private readonly ctes: readonly CteNode[] = [],
  ) {}

  /** Values or expressions per column: `set({ name: 'Ada', visits: sql\`${users.visits} + 1\` })`. */
  set(values: UpdateValues<T>): UpdateQuery<T, NameOf<T>, WriteResult, false> {
    const node: UpdateNode = {
      kind: 'update',
      ctes: this.ctes,
      table: this.table,
      set: setNodes(this.table, values as Record<string, unknown>),
      from: [],
      where: undefined,
      filtered: false,
      returning: undefined,
    }
    return new UpdateQuery(this.executor, node, undefined)
  }
}

export function unfilteredError(statement: 'update' | 'delete'): TidemarkError {
  return new TidemarkError(
    `This ${statement} has no where(): it would change every row. Call .where(condition), or .all() if every row is meant`,
  )
}

type Result<R, F extends boolean> = UpdateQuery<any, any, R, F>

/**
 * An update statement. It runs only once filtered: `.where(condition)`, or `.all()` to update every
 * row on purpose; without either it does not compile, and throws if run anyway.
 */
export class UpdateQuery<
  T extends AnyTable,
  TNames extends string,
  R,
  Filtered extends boolean,
> extends Runnable<R> {
  declare readonly $filtered: Filtered

  constructor(
    executor: QueryExecutor | undefined,
    private readonly node: UpdateNode,
    private readonly mapper: RowMapper | undefined,
  ) {
    super(executor)
  }

  /** Which rows to update; several calls are joined with AND. */
  where(condition: ConditionOver<TNames>): UpdateQuery<T, TNames, R, true> {
    const where = condition as ExprNode
    return new UpdateQuery(
      this.executor,
      {
        ...this.node,
        filtered: true,
        where: andNode(this.node.where, where),
      },
      this.mapper,
    )
  }

  /** Every row, on purpose. */
  all(): UpdateQuery<T, TNames, R, true> {
    return new UpdateQuery(this.executor, { ...this.node, filtered: true }, this.mapper)
  }

  /** `from other`: read other tables in set and where (`update ... from ... where`). */
  from<S extends Joinable>(source: S): UpdateQuery<T, TNames | NameOf<S>, R, Filtered> {
    const from = [...this.node.from, sourceInfo(source).node]
    return new UpdateQuery(this.executor, { ...this.node, from }, this.mapper)
  }

  /** `returning *` (every column of the table), or chosen fields. */
  returning(): UpdateQuery<T, TNames, InferSelect<T>[], Filtered>
  returning<F extends Selection>(fields: F): UpdateQuery<T, TNames, RowOf<F, 'partial', never>[], Filtered>
  returning(fields?: Selection): UpdateQuery<T, TNames, unknown[], Filtered> {
    const returning = returningFields(this.node.table, fields)
    return new UpdateQuery(this.executor, { ...this.node, returning }, rowMapper(returning, []))
  }

  override execute(this: Result<R, true>): Promise<R> {
    return super.execute()
  }

  // biome-ignore lint/suspicious/noThenProperty: builders are awaitable on purpose, like promises
  override then<A = R, B = never>(
    this: Result<R, true>,
    onfulfilled?: ((value: R) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return super.then(onfulfilled, onrejected)
  }

  /** @internal */
  toStatementNode(): StatementNode {
    return this.node
  }

  protected override assertRunnable(): void {
    if (!this.node.filtered) throw unfilteredError('update')
  }

  /** @internal */
  fieldNodes(): readonly FieldNode[] {
    return this.node.returning ?? []
  }

  protected rowMapper(): RowMapper | undefined {
    return this.mapper
  }
}
