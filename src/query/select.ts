import type { AnyColumn } from '../schema/column.js'
import type { SQL } from '../sql/sql.js'
import type {
  CteNode,
  ExprNode,
  FieldNode,
  JoinType,
  LockNode,
  QueryNode,
  SelectNode,
  StatementNode,
} from './ast.js'
import type { QueryExecutor } from './executor.js'
import { type Condition, type ConditionOver, Expr, type ValueOf } from './expr.js'
import { type OrderBy, orderNode } from './order.js'
import type { Placeholder } from './placeholder.js'
import type { PreparedQuery } from './prepared.js'
import type { Joinable, NameOf, RowOf, SelectMode, Subquery } from './result-types.js'
import { type RowMapper, rowMapper } from './row-mapper.js'
import type { QuerySQL } from './run-compiled.js'
import { Runnable } from './runnable.js'
import type { Finished, NotInQuery } from './selected-tables.js'
import { fieldsOf, type Selection, sourceInfo } from './selection.js'
import { type SetOperand, type SetOperationQuery, setOperation } from './set-operations.js'
import { makeSubquery } from './subquery.js'
import { andNode, countNode } from './values.js'

/** An operand over the given tables. */
export type OperandOver<Names extends string> =
  | (AnyColumn & { readonly $table: Names })
  | Expr<unknown, Names>
  | SQL

export type OrderArg<Names extends string> = OperandOver<Names> | OrderBy<Names>

type JoinSelection<S, M extends SelectMode, T> = M extends 'single'
  ? { [K in NameOf<S> | NameOf<T>]: K extends NameOf<T> ? T : S }
  : M extends 'multiple'
    ? { [K in keyof S | NameOf<T>]: K extends NameOf<T> ? T : S[K & keyof S] }
    : S

type JoinMode<M extends SelectMode> = M extends 'partial' ? 'partial' : 'multiple'

type Joined<S, M extends SelectMode, TNames extends string, TNull extends string, T> = SelectQuery<
  JoinSelection<S, M, T>,
  JoinMode<M>,
  TNames | NameOf<T>,
  TNull
>

export interface LockOptions<Names extends string = string> {
  /** Lock only the rows of these tables (tables of the query). */
  readonly of?: readonly (Joinable & { readonly $name: Names })[]
  /** Fail at once instead of waiting for a lock. */
  readonly noWait?: boolean
  /** Skip rows another transaction has locked (work queues). */
  readonly skipLocked?: boolean
}

interface SelectState {
  readonly node: SelectNode
  /** The sources selected as a whole, when no fields were given. */
  readonly implicit: readonly object[] | undefined
}

function emptySelect(
  ctes: readonly CteNode[],
  distinct: boolean,
  distinctOn: readonly ExprNode[] | undefined,
): SelectNode {
  return {
    kind: 'select',
    ctes,
    distinct,
    distinctOn,
    fields: [],
    from: undefined,
    joins: [],
    where: undefined,
    groupBy: [],
    having: undefined,
    orderBy: [],
    limit: undefined,
    offset: undefined,
    locks: [],
    nullable: [],
  }
}

/** The first step of a select: what to select; `from()` says where from. */
export class SelectStart<S> {
  constructor(
    private readonly executor: QueryExecutor,
    private readonly selection: Selection | undefined,
    private readonly ctes: readonly CteNode[] = [],
    private readonly distinct = false,
    private readonly distinctOn: readonly ExprNode[] | undefined = undefined,
  ) {}

  /** The table, view, subquery or CTE to read. */
  from<T extends Joinable>(
    source: T,
  ): [S] extends [undefined]
    ? SelectQuery<T, 'single', NameOf<T>, never>
    : SelectQuery<S, 'partial', NameOf<T>, never> {
    const info = sourceInfo(source)
    const implicit = this.selection === undefined ? [source] : undefined
    const node: SelectNode = {
      ...emptySelect(this.ctes, this.distinct, this.distinctOn),
      fields: implicit === undefined ? fieldsOf(this.selection!) : info.flatFields,
      from: info.node,
    }
    return new SelectQuery(this.executor, { node, implicit }) as never
  }
}

/**
 * A select statement. Every method returns a new query; the original is unchanged, so partial
 * queries can be shared. Awaiting it runs it (when started from a database).
 */
export class SelectQuery<
  S,
  M extends SelectMode,
  TNames extends string,
  TNull extends string,
> extends Runnable<RowOf<S, M, TNull>[]> {
  /** Type-only: the tables the query reads, and those an outer join may leave empty. */
  declare readonly $tables: TNames
  declare readonly $nullable: TNull
  /**
   * Type-only: the tables selected fields read that the query does not. Where a query is nested
   * (`union`, `cte`, `exists`, `scalar`...) the parameter requires `never` here.
   */
  declare readonly $notInQuery: NotInQuery<S, M, TNames>

  constructor(
    executor: QueryExecutor,
    private readonly state: SelectState,
  ) {
    super(executor)
  }

  private with(changes: Partial<SelectNode>): this {
    return new SelectQuery(this.executor, {
      node: { ...this.state.node, ...changes },
      implicit: this.state.implicit,
    }) as this
  }

  /**
   * Filters rows. Conditions from several calls are joined with AND; `undefined` is ignored, so
   * filters can be added conditionally.
   */
  where(condition: ConditionOver<TNames> | undefined): this {
    if (condition === undefined) return this
    return this.with({ where: andNode(this.state.node.where, condition as ExprNode) })
  }

  /** `inner join source on condition`. */
  innerJoin<T extends Joinable>(
    source: T,
    on: ConditionOver<TNames | NameOf<T>>,
  ): Joined<S, M, TNames, TNull, T> {
    return this.join('inner', source, on, false) as never
  }

  /** `left join`: the joined source's columns are nullable in the result. */
  leftJoin<T extends Joinable>(
    source: T,
    on: ConditionOver<TNames | NameOf<T>>,
  ): Joined<S, M, TNames, TNull | NameOf<T>, T> {
    return this.join('left', source, on, false) as never
  }

  /** `right join`: the columns of the sources joined so far become nullable. */
  rightJoin<T extends Joinable>(
    source: T,
    on: ConditionOver<TNames | NameOf<T>>,
  ): Joined<S, M, TNames, TNames, T> {
    return this.join('right', source, on, false) as never
  }

  /** `full join`: every source's columns are nullable. */
  fullJoin<T extends Joinable>(
    source: T,
    on: ConditionOver<TNames | NameOf<T>>,
  ): Joined<S, M, TNames, TNames | NameOf<T>, T> {
    return this.join('full', source, on, false) as never
  }

  /** `cross join`: every combination. */
  crossJoin<T extends Joinable>(source: T): Joined<S, M, TNames, TNull, T> {
    return this.join('cross', source, undefined, false) as never
  }

  /** `inner join lateral (subquery)`: the subquery may read the columns of earlier sources. */
  innerJoinLateral<T extends Subquery<string, unknown>>(
    source: T,
    on: ConditionOver<TNames | NameOf<T>>,
  ): Joined<S, M, TNames, TNull, T> {
    return this.join('inner', source, on, true) as never
  }

  /** `left join lateral (subquery)`. */
  leftJoinLateral<T extends Subquery<string, unknown>>(
    source: T,
    on: ConditionOver<TNames | NameOf<T>>,
  ): Joined<S, M, TNames, TNull | NameOf<T>, T> {
    return this.join('left', source, on, true) as never
  }

  /** `cross join lateral (subquery)`. */
  crossJoinLateral<T extends Subquery<string, unknown>>(source: T): Joined<S, M, TNames, TNull, T> {
    return this.join('cross', source, undefined, true) as never
  }

  private join(
    type: JoinType,
    source: Joinable,
    on: unknown,
    lateral: boolean,
  ): SelectQuery<any, any, any, any> {
    const info = sourceInfo(source)
    const { node, implicit } = this.state
    const names = [sourceName(node.from), ...node.joins.map((j) => sourceName(j.source))]
    if (names.includes(info.name)) {
      throw new TypeError(`select: ${info.name} is already part of this query; join an alias() of it instead`)
    }
    let nullable = node.nullable
    if (type === 'left') nullable = [...nullable, info.name]
    else if (type === 'right') nullable = names
    else if (type === 'full') nullable = [...names, info.name]
    let fields = node.fields
    let nextImplicit = implicit
    if (implicit !== undefined) {
      nextImplicit = [...implicit, source]
      fields = nextImplicit.flatMap((s) => sourceInfo(s).groupFields)
    }
    const join = { type, source: info.node, on: on as ExprNode | undefined, lateral }
    return new SelectQuery(this.executor, {
      node: { ...node, joins: [...node.joins, join], nullable, fields },
      implicit: nextImplicit,
    })
  }

  /** `order by`: operands, `asc(x)` / `desc(x)` (with `.nullsFirst()` / `.nullsLast()`). */
  orderBy(...items: OrderArg<TNames>[]): this {
    return this.with({ orderBy: [...this.state.node.orderBy, ...items.map(orderNode)] })
  }

  /** `limit n`, a number or a placeholder. */
  limit(count: number | Placeholder): this {
    return this.with({ limit: countNode(count) })
  }

  /** `offset n`, a number or a placeholder. */
  offset(count: number | Placeholder): this {
    return this.with({ offset: countNode(count) })
  }

  /** `group by`. */
  groupBy(...operands: OperandOver<TNames>[]): this {
    return this.with({ groupBy: [...this.state.node.groupBy, ...(operands as ExprNode[])] })
  }

  /** `having`: filters groups; several calls are joined with AND. */
  having(condition: ConditionOver<TNames> | undefined): this {
    if (condition === undefined) return this
    return this.with({ having: andNode(this.state.node.having, condition as ExprNode) })
  }

  /**
   * Locks the selected rows: `for update`, `for no key update`, `for share`, `for key share`, with
   * `of`, `noWait` or `skipLocked`.
   */
  for(strength: LockNode['strength'], options: LockOptions<TNames> = {}): this {
    if (options.noWait && options.skipLocked)
      throw new TypeError('for(): choose noWait or skipLocked, not both')
    const lock: LockNode = {
      strength,
      of: (options.of ?? []) as LockNode['of'],
      wait: options.noWait ? 'nowait' : options.skipLocked ? 'skip locked' : undefined,
    }
    return this.with({ locks: [...this.state.node.locks, lock] })
  }

  // Each method below that needs the finished query is declared twice: the public signature
  // narrows `this` to `Finished`, the implementation keeps the class's `this` to reach its state.

  /** `union` (duplicates removed) with another query of the same shape. */
  union(this: Finished<S, M, TNames>, other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>>
  union(other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>> {
    return setOperation(this.executor, this, 'union', other, this.rowMapper())
  }

  /** `union all` (duplicates kept). */
  unionAll(this: Finished<S, M, TNames>, other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>>
  unionAll(other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>> {
    return setOperation(this.executor, this, 'union all', other, this.rowMapper())
  }

  /** `intersect`. */
  intersect(this: Finished<S, M, TNames>, other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>>
  intersect(other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>> {
    return setOperation(this.executor, this, 'intersect', other, this.rowMapper())
  }

  /** `intersect all`. */
  intersectAll(this: Finished<S, M, TNames>, other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>>
  intersectAll(other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>> {
    return setOperation(this.executor, this, 'intersect all', other, this.rowMapper())
  }

  /** `except`. */
  except(this: Finished<S, M, TNames>, other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>>
  except(other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>> {
    return setOperation(this.executor, this, 'except', other, this.rowMapper())
  }

  /** `except all`. */
  exceptAll(this: Finished<S, M, TNames>, other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>>
  exceptAll(other: SetOperand): SetOperationQuery<RowOf<S, M, TNull>> {
    return setOperation(this.executor, this, 'except all', other, this.rowMapper())
  }

  /**
   * This query as a source for another one: `(select ...) as "alias"`. Its fields become columns
   * of the result, e.g. `const recent = db.select(...).from(posts).as('recent')` then `recent.id`.
   */
  as<A extends string>(this: Finished<S, M, TNames>, alias: A): Subquery<A, RowOf<S, M, TNull>>
  as<A extends string>(alias: A): Subquery<A, RowOf<S, M, TNull>> {
    return makeSubquery(alias, this.state.node.fields, {
      kind: 'subquery-source',
      alias,
      query: this.state.node,
      cte: false,
    })
  }

  // These only narrow `this`: a query whose fields read a table it lacks does not run or compile.

  override execute(this: Finished<S, M, TNames>): Promise<RowOf<S, M, TNull>[]> {
    return super.execute()
  }

  // biome-ignore lint/suspicious/noThenProperty: builders are awaitable on purpose, like promises
  override then<A = RowOf<S, M, TNull>[], B = never>(
    this: Finished<S, M, TNames>,
    onfulfilled?: ((value: RowOf<S, M, TNull>[]) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return super.then(onfulfilled, onrejected)
  }

  override toSQL(this: Finished<S, M, TNames>): QuerySQL {
    return super.toSQL()
  }

  override prepare(this: Finished<S, M, TNames>): PreparedQuery<RowOf<S, M, TNull>[]> {
    return super.prepare()
  }

  /** Returns the query as is; for code that adds clauses conditionally (every method already allows it). */
  $dynamic(): this {
    return this
  }

  /** @internal */
  toQueryNode(): QueryNode {
    return this.state.node
  }

  /** @internal */
  toStatementNode(): StatementNode {
    return this.state.node
  }

  /** @internal The selected fields, for set operations and `insert ... select`. */
  fieldNodes(): readonly FieldNode[] {
    return this.state.node.fields
  }

  protected rowMapper(): RowMapper {
    return rowMapper(this.state.node.fields, this.state.node.nullable)
  }
}

function sourceName(source: SelectNode['from']): string {
  if (source === undefined) return ''
  return source.kind === 'table' ? sourceInfo(source.table).name : source.alias
}

/**
 * A subquery's single value: `(select count(*) from posts where ...)`.
 *
 * @example
 * db.select({ name: users.name, posts: scalar(db.select({ n: count() }).from(posts).where(eq(posts.authorId, outer(users.id)))) })
 */
export function scalar<R>(query: Runnable<R[]> & SetOperand): Expr<R[keyof R] | null, never> {
  const fields = query.fieldNodes()
  if (fields.length !== 1)
    throw new TypeError(`scalar() needs a query selecting exactly one field, got ${fields.length}`)
  return new Expr({ kind: 'subquery', query: query.toQueryNode() }, fields[0]!.decode) as Expr<
    R[keyof R] | null,
    never
  >
}

/**
 * A column of an enclosing query, for correlated subqueries: the inner query does not read that
 * table itself, so the column is exempt from its table check.
 */
export function outer<C extends AnyColumn>(column: C): Expr<ValueOf<C>, never> {
  return new Expr(column, column.config.type.decode, column.config.type.encode)
}

export type { Condition }
