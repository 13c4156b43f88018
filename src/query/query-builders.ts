import type { AnyTable } from '../schema/table.js'
import type { CteNode, ExprNode } from './ast.js'
import { cteNodeOf } from './cte.js'
import { type DeleteQuery, deleteFrom } from './delete.js'
import type { Dialect } from './dialect.js'
import type { BoundExecutor, BuiltQuery, QueryExecutor, WriteResult } from './executor.js'
import { InsertStart } from './insert.js'
import type { NameOf, SubqueryBase } from './result-types.js'
import { type OperandOver, SelectStart } from './select.js'
import type { Selection } from './selection.js'
import { UpdateStart } from './update.js'

/** The statements a database, a transaction, or `with(...)` can start. */
export interface StatementStarters {
  /**
   * `select`: every column of the source (`select().from(users)`), or chosen fields, renamed and
   * nested as you like (`select({ id: users.id, author: { name: users.name } })`).
   */
  select(): SelectStart<undefined>
  select<S extends Selection>(fields: S): SelectStart<S>
  /** `select distinct`. */
  selectDistinct(): SelectStart<undefined>
  selectDistinct<S extends Selection>(fields: S): SelectStart<S>
  /** `select distinct on (...)`: the first row of each group of equal `on` values. */
  selectDistinctOn(on: readonly OperandOver<string>[]): SelectStart<undefined>
  selectDistinctOn<S extends Selection>(on: readonly OperandOver<string>[], fields: S): SelectStart<S>
  /** `insert into table`. */
  insert<T extends AnyTable>(table: T): InsertStart<T>
  /** `update table`. */
  update<T extends AnyTable>(table: T): UpdateStart<T>
  /** `delete from table`. */
  delete<T extends AnyTable>(table: T): DeleteQuery<T, NameOf<T>, WriteResult, false>
}

/** Statement starters plus `with(...)`, which puts CTEs in front of the next statement. */
export interface QueryBuilders extends StatementStarters {
  /**
   * `with ... ` CTEs (made by `cte()` or `recursiveCte()`) for the statement that follows.
   *
   * @example
   * await db.with(recent).select().from(recent)
   */
  with(...ctes: readonly SubqueryBase<string, unknown>[]): StatementStarters
}

/** The starters bound to an executor (a database, a transaction, or a dialect alone for `toSQL()` only). */
export function statementStarters(executor: QueryExecutor, ctes: readonly CteNode[]): StatementStarters {
  return {
    select: (fields?: Selection) => new SelectStart(executor, fields, ctes),
    selectDistinct: (fields?: Selection) => new SelectStart(executor, fields, ctes, true),
    selectDistinctOn: (on: readonly OperandOver<string>[], fields?: Selection) =>
      new SelectStart(executor, fields, ctes, false, on as readonly ExprNode[]),
    insert: (table) => new InsertStart(executor, table, ctes),
    update: (table) => new UpdateStart(executor, table, ctes),
    delete: (table) => deleteFrom(executor, table, ctes),
  } as StatementStarters
}

/** Every builder method, bound to an executor. */
export function queryBuilders(executor: QueryExecutor): QueryBuilders {
  return {
    ...statementStarters(executor, []),
    with: (...ctes) => statementStarters(executor, ctes.map(cteNodeOf)),
  }
}

/**
 * The builder methods as a base class, for executors that are classes (transactions). Each method
 * starts a statement that runs on `this`.
 */
export abstract class QueryBuilderMethods implements QueryBuilders {
  abstract readonly dialect: Dialect
  abstract execute(query: BuiltQuery): ReturnType<BoundExecutor['execute']>

  select(): SelectStart<undefined>
  select<S extends Selection>(fields: S): SelectStart<S>
  select(fields?: Selection): SelectStart<any> {
    return new SelectStart(this, fields)
  }

  selectDistinct(): SelectStart<undefined>
  selectDistinct<S extends Selection>(fields: S): SelectStart<S>
  selectDistinct(fields?: Selection): SelectStart<any> {
    return new SelectStart(this, fields, [], true)
  }

  selectDistinctOn(on: readonly OperandOver<string>[]): SelectStart<undefined>
  selectDistinctOn<S extends Selection>(on: readonly OperandOver<string>[], fields: S): SelectStart<S>
  selectDistinctOn(on: readonly OperandOver<string>[], fields?: Selection): SelectStart<any> {
    return new SelectStart(this, fields, [], false, on as readonly ExprNode[])
  }

  insert<T extends AnyTable>(table: T): InsertStart<T> {
    return new InsertStart(this, table)
  }

  update<T extends AnyTable>(table: T): UpdateStart<T> {
    return new UpdateStart(this, table)
  }

  delete<T extends AnyTable>(table: T): DeleteQuery<T, NameOf<T>, WriteResult, false> {
    return deleteFrom(this, table)
  }

  with(...ctes: readonly SubqueryBase<string, unknown>[]): StatementStarters {
    return statementStarters(this, ctes.map(cteNodeOf))
  }
}
