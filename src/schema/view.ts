import { type Chunk, SQL, type SqlReference, toSqlChunk } from '../sql/sql.js'
import { setOwnProperty } from '../util/own-property.js'
import { type Casing, checkCasing } from './casing.js'
import type { AnyColumn } from './column.js'
import { Index } from './indexes.js'
import { DEFAULT_SCHEMA, schemaObjectKind } from './kind.js'
import type { ColumnMap, OwnedColumns } from './table.js'
import type { IndexSpec, StorageParameters } from './table-extras.js'

export const viewDefinition: unique symbol = Symbol.for('tidemark.viewDefinition')
/** Type-only: the view's declared columns, for row type inference. */
export declare const viewColumns: unique symbol

export interface ViewDefinition {
  readonly schema: string
  readonly name: string
  readonly materialized: boolean
  /** The columns the view's query produces, when declared (for typed reads). */
  readonly columns: Readonly<Record<string, AnyColumn>>
  readonly query: SQL
  /** Materialized views only: created WITH NO DATA (filled by the first REFRESH). */
  readonly withNoData: boolean
  /** COMMENT ON VIEW (or MATERIALIZED VIEW); an empty text is no comment. */
  readonly comment: string | undefined
  /** WITH (...), with the view options already named as PostgreSQL names them. */
  readonly storageParameters: StorageParameters | undefined
  /** How the declared columns without a name were named from their keys. */
  readonly casing: Casing | undefined
  /** Materialized views only: CREATE INDEX ... ON the view. */
  readonly indexes: readonly IndexSpec[]
  /** Views only: column defaults, by the column's name in the database. */
  readonly columnDefaults: Readonly<Record<string, SQL>>
  /** COMMENT ON COLUMN, by the column's name in the database; an empty text is no comment. */
  readonly columnComments: Readonly<Record<string, string>>
}

export interface ViewOptions {
  /** The schema the view lives in; `public` unless given. */
  readonly schema?: string
  /** COMMENT ON VIEW: documentation kept in the database. An empty text is no comment. */
  readonly comment?: string
  /** Views: run the query with the permissions of the user reading the view, not its owner's. */
  readonly securityInvoker?: boolean
  /** Views: evaluate the view's own conditions before any function a query adds (no leaks). */
  readonly securityBarrier?: boolean
  /** Views: WITH LOCAL / CASCADED CHECK OPTION: rows written through the view must stay visible in it. */
  readonly checkOption?: 'local' | 'cascaded'
  /** Materialized views: storage parameters, `{ fillfactor: 70, autovacuum_enabled: false }`. */
  readonly with?: StorageParameters
  /** How declared columns without a name are named: `'snake_case'` reads `displayName` from `display_name`. */
  readonly casing?: Casing
  /**
   * Views: defaults for the view's columns, by their name in the database (ALTER VIEW ... ALTER
   * COLUMN ... SET DEFAULT): what an INSERT through an updatable view puts in a column it leaves
   * out, before the table's own defaults apply, e.g. `{ status: sql\`'draft'\` }`.
   */
  readonly columnDefaults?: Readonly<Record<string, SQL>>
  /**
   * COMMENT ON COLUMN for the view's columns, by their name in the database, e.g.
   * `{ total: 'Sum of the lines, tax included' }`. An empty text is no comment.
   */
  readonly columnComments?: Readonly<Record<string, string>>
}

export interface ViewBase<N extends string, C extends ColumnMap> extends SqlReference {
  readonly [schemaObjectKind]: 'view'
  readonly [viewDefinition]: ViewDefinition
  readonly [viewColumns]: C
  readonly $name: N
}

/** A view or materialized view; declared columns are properties, like a table's. */
export type View<N extends string = string, C extends ColumnMap = ColumnMap> = ViewBase<N, C> &
  OwnedColumns<N, C>

/** What `indexes()` is given: the view's declared columns, and returns its indexes. */
export type ViewIndexes<C extends ColumnMap> = (columns: C) => readonly Index[]

export class ViewBuilder<N extends string, C extends ColumnMap> {
  constructor(
    private readonly base: Omit<ViewDefinition, 'query' | 'columns' | 'withNoData' | 'indexes'>,
    private readonly columns: C,
    private readonly withNoData = false,
    private readonly defineIndexes: ViewIndexes<C> | undefined = undefined,
  ) {}

  /** Materialized views: create WITH NO DATA. */
  noData(): ViewBuilder<N, C> {
    if (!this.base.materialized) throw new TypeError('WITH NO DATA applies to materialized views only')
    return new ViewBuilder(this.base, this.columns, true, this.defineIndexes)
  }

  /**
   * Materialized views: their indexes, declared like a table's on the view's declared columns (or
   * `sql.identifier('column')` and expressions when the view declares none). REFRESH MATERIALIZED
   * VIEW CONCURRENTLY needs a unique index without a WHERE clause.
   *
   * @example
   * export const totals = materializedView('order_totals', { customerId: uuid('customer_id'), total: numeric() })
   *   .indexes((v) => [uniqueIndex().on(v.customerId)])
   *   .as(sql`select ${orders.customerId}, sum(${orders.amount}) as total from ${orders} group by 1`)
   * // CREATE UNIQUE INDEX "order_totals_customer_id_idx" ON "public"."order_totals" USING btree ("customer_id")
   */
  indexes(define: ViewIndexes<C>): ViewBuilder<N, C> {
    if (!this.base.materialized)
      throw new TypeError(`view ${this.base.name}: only a materialized view can have indexes`)
    if (typeof define !== 'function')
      throw new TypeError(
        `materialized view ${this.base.name}: indexes() takes a function (v) => [index()...]`,
      )
    return new ViewBuilder(this.base, this.columns, this.withNoData, define)
  }

  /** The view's query; tables and columns interpolated into it are quoted and qualified. */
  as(query: SQL): View<N, C> {
    if (!(query instanceof SQL))
      throw new TypeError(`view ${this.base.name}: as() takes a sql\`...\` fragment`)
    const owner = { schema: this.base.schema, name: this.base.name }
    const bound: Record<string, AnyColumn> = {}
    for (const [key, column] of Object.entries(this.columns))
      setOwnProperty(bound, key, column.bind(owner, key, this.base.casing))
    const indexes = this.defineIndexes?.(bound as C) ?? []
    const specs = indexes.map((index) => {
      if (!(index instanceof Index))
        throw new TypeError(
          `materialized view ${this.base.name}: indexes() returns index() and uniqueIndex() only`,
        )
      return index.spec
    })
    const definition: ViewDefinition = {
      ...this.base,
      columns: Object.freeze(bound),
      query,
      withNoData: this.withNoData,
      indexes: Object.freeze(specs),
    }
    return Object.freeze({
      ...bound,
      [schemaObjectKind]: 'view' as const,
      [viewDefinition]: definition,
      [toSqlChunk]: (): Chunk => ({ kind: 'identifier', names: [owner.schema, owner.name] }),
      $name: this.base.name,
    }) as unknown as View<N, C>
  }
}

function viewBuilder<N extends string, C extends ColumnMap>(
  name: N,
  columns: C | undefined,
  materialized: boolean,
  options: ViewOptions,
): ViewBuilder<N, C> {
  const comment = options.comment
  if (comment !== undefined && typeof comment !== 'string')
    throw new TypeError(`view ${name}: the comment option takes a string`)
  const schema = options.schema ?? DEFAULT_SCHEMA
  const storageParameters = viewParameters(name, materialized, options)
  const casing = checkCasing(options.casing, `view ${name}`)
  const columnDefaults = viewColumnDefaults(name, materialized, options.columnDefaults)
  const columnComments = viewColumnComments(name, options.columnComments)
  return new ViewBuilder(
    { schema, name, materialized, comment, storageParameters, casing, columnDefaults, columnComments },
    columns ?? ({} as C),
  )
}

function viewColumnDefaults(
  name: string,
  materialized: boolean,
  defaults: ViewOptions['columnDefaults'],
): Readonly<Record<string, SQL>> {
  if (defaults === undefined) return Object.freeze({})
  if (materialized) throw new TypeError(`materialized view ${name}: columnDefaults applies to views only`)
  if (typeof defaults !== 'object' || defaults === null)
    throw new TypeError(`view ${name}: columnDefaults takes an object of sql\`...\` expressions by column`)
  const copy: Record<string, SQL> = {}
  for (const [column, expression] of Object.entries(defaults)) {
    if (!(expression instanceof SQL))
      throw new TypeError(`view ${name}: the default of column ${column} takes a sql\`...\` fragment`)
    setOwnProperty(copy, column, expression)
  }
  return Object.freeze(copy)
}

function viewColumnComments(
  name: string,
  comments: ViewOptions['columnComments'],
): Readonly<Record<string, string>> {
  if (comments === undefined) return Object.freeze({})
  if (typeof comments !== 'object' || comments === null)
    throw new TypeError(`view ${name}: columnComments takes an object of texts by column`)
  const copy: Record<string, string> = {}
  for (const [column, text] of Object.entries(comments)) {
    if (typeof text !== 'string')
      throw new TypeError(`view ${name}: the comment of column ${column} takes a string`)
    setOwnProperty(copy, column, text)
  }
  return Object.freeze(copy)
}

/** The options as PostgreSQL names them among a view's reloptions. */
function viewParameters(
  name: string,
  materialized: boolean,
  options: ViewOptions,
): StorageParameters | undefined {
  const { securityInvoker, securityBarrier, checkOption } = options
  const viewOnly = securityInvoker !== undefined || securityBarrier !== undefined || checkOption !== undefined
  if (materialized && viewOnly)
    throw new TypeError(
      `materialized view ${name}: securityInvoker, securityBarrier and checkOption apply to views only`,
    )
  if (!materialized && options.with !== undefined)
    throw new TypeError(
      `view ${name}: the with option (storage parameters) applies to materialized views only`,
    )
  if (checkOption !== undefined && checkOption !== 'local' && checkOption !== 'cascaded')
    throw new TypeError(`view ${name}: checkOption is 'local' or 'cascaded'`)
  if (!viewOnly) return options.with
  return {
    ...(securityBarrier === undefined ? {} : { security_barrier: securityBarrier }),
    ...(securityInvoker === undefined ? {} : { security_invoker: securityInvoker }),
    ...(checkOption === undefined ? {} : { check_option: checkOption }),
  }
}

/**
 * CREATE VIEW. Declare its columns to read it with types; options give its schema and comment.
 *
 * @example
 * export const activeUsers = view('active_users', { id: uuid().notNull(), email: text().notNull() },
 *   { comment: 'Users not deleted' },
 * ).as(sql`select ${users.id}, ${users.email} from ${users} where ${users.deletedAt} is null`)
 */
export function view<N extends string, C extends ColumnMap = {}>(
  name: N,
  columns?: C,
  options: ViewOptions = {},
): ViewBuilder<N, C> {
  return viewBuilder(name, columns, false, options)
}

/** CREATE MATERIALIZED VIEW; the same options as `view()`. */
export function materializedView<N extends string, C extends ColumnMap = {}>(
  name: N,
  columns?: C,
  options: ViewOptions = {},
): ViewBuilder<N, C> {
  return viewBuilder(name, columns, true, options)
}

export function isView(value: unknown): value is View {
  return typeof value === 'object' && value !== null && viewDefinition in value
}
