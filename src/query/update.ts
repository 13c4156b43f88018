import type { InferSelect } from '../schema/infer.js'
import type { AnyTable } from '../schema/table.js'
import type { CteNode, ExprNode, UpdateNode } from './ast.js'
import type { QueryExecutor, WriteResult } from './executor.js'
import type { ConditionOver } from './expr.js'
import { FilteredWrite } from './filtered-write.js'
import type { Joinable, NameOf, RowOf } from './result-types.js'
import { rowMapper } from './row-mapper.js'
import { type Selection, type SelectionOver, sourceInfo } from './selection.js'
import { andNode } from './values.js'
import { returningFields, setNodes, type UpdateValues } from './write-values.js'

/** `db.update(table)`: say what to `set()`. */
export class UpdateStart<T extends AnyTable> {
  constructor(
    private readonly executor: QueryExecutor,
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

/**
 * An update statement. It runs only once filtered: `.where(condition)`, or `.all()` to update every
 * row on purpose; without either it does not compile, and throws if run anyway.
 */
export class UpdateQuery<
  T extends AnyTable,
  TNames extends string,
  R,
  Filtered extends boolean,
> extends FilteredWrite<R, UpdateNode> {
  declare readonly $filtered: Filtered

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
  returning<F extends SelectionOver<TNames>>(
    fields: F,
  ): UpdateQuery<T, TNames, RowOf<F, 'partial', never>[], Filtered>
  returning(fields?: Selection): UpdateQuery<T, TNames, unknown[], Filtered> {
    const returning = returningFields(this.node.table, fields)
    return new UpdateQuery(this.executor, { ...this.node, returning }, rowMapper(returning, []))
  }
}
