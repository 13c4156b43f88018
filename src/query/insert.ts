import type { AnyColumn } from '../schema/column.js'
import type { InferSelect } from '../schema/infer.js'
import { type AnyTable, tableDefinition } from '../schema/table.js'
import type { ConflictNode, CteNode, ExprNode, FieldNode, InsertNode, StatementNode } from './ast.js'
import type { QueryExecutor, WriteResult } from './executor.js'
import type { ConditionOver } from './expr.js'
import type { NameOf, RowOf } from './result-types.js'
import { type RowMapper, rowMapper } from './row-mapper.js'
import { Runnable } from './runnable.js'
import type { Selection, SelectionOver } from './selection.js'
import type { SetOperand } from './set-operations.js'
import { valueNode } from './values.js'
import {
  columnByKey,
  type InsertValues,
  returningFields,
  setNodes,
  type UpdateValues,
} from './write-values.js'

const DEFAULT: ExprNode = { kind: 'keyword', text: 'default' }

export interface OnConflictDoNothing<T extends AnyTable> {
  /** The conflict target: a column or columns with a unique index. */
  readonly target?: AnyColumn | readonly AnyColumn[]
  /** Or a constraint by name. */
  readonly constraint?: string
  /** The target's partial-index predicate. */
  readonly targetWhere?: ConditionOver<NameOf<T>>
}

export interface OnConflictDoUpdate<T extends AnyTable> extends OnConflictDoNothing<T> {
  /** New values; `excluded(column)` is the value the insert proposed. */
  readonly set: UpdateValues<T>
  /** Update only rows matching this condition. */
  readonly where?: ConditionOver<NameOf<T>>
}

/** `db.insert(table)`: give rows with `values()` or a query with `select()`. */
export class InsertStart<T extends AnyTable> {
  constructor(
    private readonly executor: QueryExecutor,
    private readonly table: T,
    private readonly ctes: readonly CteNode[] = [],
  ) {}

  /**
   * One row or many. Keys left out take the column's `defaultFn` when it has one, else the SQL
   * default (`default`).
   *
   * @example
   * await db.insert(users).values({ email: 'ada@example.com' })
   * // insert into "public"."users" ("id", "email") values (default, $1)
   */
  values(rows: InsertValues<T> | readonly InsertValues<T>[]): InsertQuery<T, WriteResult> {
    const list = (Array.isArray(rows) ? rows : [rows]) as readonly Record<string, unknown>[]
    if (list.length === 0) throw new TypeError('insert().values() needs at least one row')
    const { columns, values } = rowNodes(this.table, list)
    return new InsertQuery(this.executor, this.baseNode(columns, values), undefined)
  }

  /**
   * `insert into table (...) select ...`: the query's field keys name the columns to fill.
   *
   * @example
   * db.insert(archive).select(db.select({ id: posts.id, title: posts.title }).from(posts))
   */
  select(query: SetOperand): InsertQuery<T, WriteResult> {
    const fields = query.fieldNodes()
    const columns = fields.map((field) => {
      if (field.path.length !== 1) throw new TypeError('insert().select(): the query must select flat fields')
      return columnByKey(this.table, field.path[0]!)
    })
    return new InsertQuery(this.executor, this.baseNode(columns, query.toQueryNode()), undefined)
  }

  private baseNode(columns: readonly AnyColumn[], rows: InsertNode['rows']): InsertNode {
    return {
      kind: 'insert',
      ctes: this.ctes,
      table: this.table,
      columns,
      rows,
      conflict: undefined,
      returning: undefined,
    }
  }
}

/** Columns in table order: those any row sets, plus those with a default function. */
function rowNodes(
  table: AnyTable,
  rows: readonly Record<string, unknown>[],
): { columns: AnyColumn[]; values: ExprNode[][] } {
  const all = table[tableDefinition].columns
  for (const row of rows) for (const key of Object.keys(row)) columnByKey(table, key)
  const columns: AnyColumn[] = []
  for (const key of Object.keys(all)) {
    const column = all[key]!
    if (column.config.defaultFn !== undefined || rows.some((row) => row[key] !== undefined))
      columns.push(column)
  }
  // Every column left to its default: name the first one so the statement still lists a column.
  if (columns.length === 0) columns.push(all[Object.keys(all)[0]!]!)
  const values = rows.map((row) =>
    columns.map((column) => {
      let value = row[column.key!]
      if (value === undefined && column.config.defaultFn !== undefined) value = column.config.defaultFn()
      return value === undefined ? DEFAULT : valueNode(value, column.config.type.encode)
    }),
  )
  return { columns, values }
}

/** An insert statement; awaiting it runs it. */
export class InsertQuery<T extends AnyTable, Result> extends Runnable<Result> {
  constructor(
    executor: QueryExecutor,
    private readonly node: InsertNode,
    private readonly mapper: RowMapper | undefined,
  ) {
    super(executor)
  }

  /** `on conflict ... do nothing`. */
  onConflictDoNothing(config: OnConflictDoNothing<T> = {}): InsertQuery<T, Result> {
    return this.withConflict({ ...conflictTarget(config), set: undefined, where: undefined })
  }

  /**
   * `on conflict (target) do update set ...` (an upsert).
   *
   * @example
   * db.insert(counters).values({ name: 'hits', value: 1 })
   *   .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + ${excluded(counters.value)}` } })
   */
  onConflictDoUpdate(config: OnConflictDoUpdate<T>): InsertQuery<T, Result> {
    if (config.target === undefined && config.constraint === undefined)
      throw new TypeError('onConflictDoUpdate() needs a target or a constraint')
    return this.withConflict({
      ...conflictTarget(config),
      set: setNodes(this.node.table, config.set as Record<string, unknown>),
      where: config.where as ExprNode | undefined,
    })
  }

  /** `returning *` (every column), or chosen fields. */
  returning(): InsertQuery<T, InferSelect<T>[]>
  returning<F extends SelectionOver<T['$name']>>(fields: F): InsertQuery<T, RowOf<F, 'partial', never>[]>
  returning(fields?: Selection): InsertQuery<T, unknown[]> {
    const returning = returningFields(this.node.table, fields)
    return new InsertQuery(this.executor, { ...this.node, returning }, rowMapper(returning, []))
  }

  private withConflict(conflict: ConflictNode): InsertQuery<T, Result> {
    return new InsertQuery(this.executor, { ...this.node, conflict }, this.mapper)
  }

  /** @internal */
  toStatementNode(): StatementNode {
    return this.node
  }

  /** @internal */
  fieldNodes(): readonly FieldNode[] {
    return this.node.returning ?? []
  }

  protected rowMapper(): RowMapper | undefined {
    return this.mapper
  }
}

function conflictTarget(
  config: OnConflictDoNothing<AnyTable>,
): Pick<ConflictNode, 'target' | 'constraint' | 'targetWhere'> {
  const target =
    config.target === undefined ? undefined : Array.isArray(config.target) ? config.target : [config.target]
  return {
    target: target as readonly AnyColumn[] | undefined,
    constraint: config.constraint,
    targetWhere: config.targetWhere as ExprNode | undefined,
  }
}
