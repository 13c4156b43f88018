import type { InferSelect } from '../schema/infer.js'
import type { AnyTable } from '../schema/table.js'
import type { CteNode, DeleteNode, ExprNode } from './ast.js'
import type { QueryExecutor, WriteResult } from './executor.js'
import type { ConditionOver } from './expr.js'
import { FilteredWrite } from './filtered-write.js'
import type { Joinable, NameOf, RowOf } from './result-types.js'
import { rowMapper } from './row-mapper.js'
import { type Selection, type SelectionOver, sourceInfo } from './selection.js'
import { andNode } from './values.js'
import { returningFields } from './write-values.js'

/**
 * A delete statement. Like an update, it runs only once filtered: `.where(condition)` or `.all()`.
 *
 * @example
 * await db.delete(sessions).where(lt(sessions.expiresAt, new Date()))
 * // delete from "auth"."sessions" where "sessions"."expires_at" < $1
 */
export class DeleteQuery<
  T extends AnyTable,
  TNames extends string,
  R,
  Filtered extends boolean,
> extends FilteredWrite<R, DeleteNode> {
  declare readonly $filtered: Filtered

  /** Which rows to delete; several calls are joined with AND. */
  where(condition: ConditionOver<TNames>): DeleteQuery<T, TNames, R, true> {
    const where = condition as ExprNode
    return new DeleteQuery(
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
  all(): DeleteQuery<T, TNames, R, true> {
    return new DeleteQuery(this.executor, { ...this.node, filtered: true }, this.mapper)
  }

  /** `using other`: read other tables in where (`delete ... using ... where`). */
  using<S extends Joinable>(source: S): DeleteQuery<T, TNames | NameOf<S>, R, Filtered> {
    const using = [...this.node.using, sourceInfo(source).node]
    return new DeleteQuery(this.executor, { ...this.node, using }, this.mapper)
  }

  /** `returning *` (every column of the table), or chosen fields. */
  returning(): DeleteQuery<T, TNames, InferSelect<T>[], Filtered>
  returning<F extends SelectionOver<TNames>>(
    fields: F,
  ): DeleteQuery<T, TNames, RowOf<F, 'partial', never>[], Filtered>
  returning(fields?: Selection): DeleteQuery<T, TNames, unknown[], Filtered> {
    const returning = returningFields(this.node.table, fields)
    return new DeleteQuery(this.executor, { ...this.node, returning }, rowMapper(returning, []))
  }
}

/** Starts `delete from table`. */
export function deleteFrom<T extends AnyTable>(
  executor: QueryExecutor,
  table: T,
  ctes: readonly CteNode[] = [],
): DeleteQuery<T, NameOf<T>, WriteResult, false> {
  const node: DeleteNode = {
    kind: 'delete',
    ctes,
    table,
    using: [],
    where: undefined,
    filtered: false,
    returning: undefined,
  }
  return new DeleteQuery(executor, node, undefined)
}
