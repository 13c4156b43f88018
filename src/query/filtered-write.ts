import { TidemarkError } from '../errors.js'
import type { DeleteNode, FieldNode, StatementNode, UpdateNode } from './ast.js'
import type { QueryExecutor } from './executor.js'
import type { RowMapper } from './row-mapper.js'
import { Runnable } from './runnable.js'

/** A statement whose where() or all() has been called: only such a statement runs. */
type Filtered<R> = FilteredWrite<R, UpdateNode | DeleteNode> & { readonly $filtered: true }

/**
 * What update and delete share: they run only once filtered, `.where(condition)` or `.all()`
 * (without either they do not compile, and throw if run anyway), and they may return rows.
 */
export abstract class FilteredWrite<R, N extends UpdateNode | DeleteNode> extends Runnable<R> {
  constructor(
    executor: QueryExecutor,
    protected readonly node: N,
    protected readonly mapper: RowMapper | undefined,
  ) {
    super(executor)
  }

  override execute(this: Filtered<R>): Promise<R> {
    return super.execute()
  }

  // biome-ignore lint/suspicious/noThenProperty: builders are awaitable on purpose, like promises
  override then<A = R, B = never>(
    this: Filtered<R>,
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
    if (!this.node.filtered) throw unfilteredError(this.node.kind)
  }

  /** @internal */
  fieldNodes(): readonly FieldNode[] {
    return this.node.returning ?? []
  }

  protected rowMapper(): RowMapper | undefined {
    return this.mapper
  }
}

export function unfilteredError(statement: 'update' | 'delete'): TidemarkError {
  return new TidemarkError(
    `This ${statement} has no where(): it would change every row. Call .where(condition), or .all() if every row is meant`,
  )
}
