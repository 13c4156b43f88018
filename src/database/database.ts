import type { Dialect } from '../query/dialect.js'
import { type QueryBuilders, queryBuilders } from '../query/query-builders.js'
import type { RowMapper } from '../query/row-mapper.js'
import { type RelationalQueries, relationalQueries } from '../relations/find.js'
import { type RelationDeclarations, type RelationGraph, relationGraph } from '../relations/graph.js'
import type { RelationDeclaration } from '../relations/relation.js'
import type { TableKeys } from '../relations/types.js'
import type { CompiledQuery } from '../sql/compiled-query.js'
import type { SQL } from '../sql/sql.js'
import type { ResultDecoders } from './decode-rows.js'
import type { Driver, RawField } from './driver.js'
import { runQuery } from './run-query.js'
import { setTransactionStatement } from './transaction-options.js'
import { TransactionScope } from './transaction-scope.js'

export type { ResultDecoders } from './decode-rows.js'

/** Rows decoded to JS values, plus what the server said about them. */
export interface QueryResult<Row> {
  readonly rows: Row[]
  /** Rows affected or returned, when the driver reports it. */
  readonly rowCount: number | null
  readonly fields: readonly RawField[]
}

/**
 * A statement to run: a `sql` fragment, or an already compiled query. A compiled query may carry
 * decoders by field name, used instead of the default decoding for those fields' types, or a row
 * mapper (query builders bring one) that builds the result objects itself.
 */
export type Executable =
  | SQL
  | (CompiledQuery & { readonly decoders?: ResultDecoders; readonly mapRows?: RowMapper })

/**
 * Something that runs statements: the database itself or a transaction. Besides `execute`, it
 * starts typed queries (`select`, `insert`, `update`, `delete`, `with`) that run on it.
 */
export interface Queryable<Q = {}> extends QueryBuilders {
  /** How statements are written for this database and its results read (PostgreSQL's rules). */
  readonly dialect: Dialect
  /**
   * Relational queries, one entry per table of the schema the database was given
   * (`fromPGlite(client, { schema })`): `db.query.users.findMany({ with: { posts: true } })`.
   */
  readonly query: Q
  /**
   * Runs one statement. Values come back decoded the same way whatever the driver: booleans,
   * numbers for int2/int4/float, strings for int8/numeric/date, Dates for timestamps, parsed
   * JSON, Uint8Array for bytea, arrays of those; other types stay the server's text.
   *
   * @example
   * const { rows } = await db.execute<{ id: string }>(sql`select id from users where email = ${email}`)
   * // select id from users where email = $1
   */
  execute<Row = Record<string, unknown>>(query: Executable): Promise<QueryResult<Row>>
  /**
   * Runs fn in a transaction: committed when fn resolves, rolled back when it throws. Called on a
   * transaction, it opens a savepoint instead, so a caught inner failure undoes only the inner work.
   * The transaction object works only until fn settles.
   *
   * @example
   * await db.transaction(async (tx) => {
   *   await tx.execute(sql`update accounts set balance = balance - ${amount} where id = ${from}`)
   *   await tx.execute(sql`update accounts set balance = balance + ${amount} where id = ${to}`)
   * }, { isolationLevel: 'serializable' })
   */
  transaction<T>(fn: (tx: Transaction<Q>) => Promise<T>, options?: TransactionOptions): Promise<T>
}

/** A transaction in progress; valid only inside its callback. */
export interface Transaction<Q = {}> extends Queryable<Q> {}

/** A database reached through a driver adapter. */
export interface Database<Q = {}> extends Queryable<Q> {
  /** Closes the underlying client or pool. */
  close(): Promise<void>
}

/** Options of an outermost transaction (a nested one cannot set them). */
export interface TransactionOptions {
  isolationLevel?: 'read committed' | 'repeatable read' | 'serializable'
  accessMode?: 'read write' | 'read only'
}

/** One statement sent to the database, for logging. */
export interface QueryEvent {
  readonly sql: string
  readonly params: readonly (string | null)[]
  readonly durationMs: number
  readonly rowCount: number | null
  /** Set when the statement failed. */
  readonly error?: unknown
}

export interface DatabaseOptions<S = {}, R = {}> {
  /** Called after every statement, including transaction control such as SAVEPOINT. */
  logger?: (event: QueryEvent) => void
  /**
   * The tables relational queries read (`import * as schema from './schema'` works: other exports
   * are ignored). Relations come from their foreign keys.
   */
  schema?: S
  /** Relations foreign keys do not settle, by table key: see `one()` and `many()`. */
  relations?: R & RelationsOption<S> & { readonly [K in Exclude<keyof R, TableKeys<S>>]: never }
}

/** Declared relations: per table key of the schema, relation name to `one(...)` / `many(...)`. */
export type RelationsOption<S> = {
  readonly [K in TableKeys<S>]?: Readonly<Record<string, RelationDeclaration>>
}

/**
 * Wraps a driver in the Database API for a dialect. The package's `createDatabase` calls it with
 * PostgreSQL's.
 */
export function createDatabaseFor<S = {}, R = {}>(
  dialect: Dialect,
  driver: Driver,
  options: DatabaseOptions<S, R> = {},
): Database<RelationalQueries<S, R>> {
  const { logger } = options
  const graph =
    options.schema === undefined
      ? undefined
      : relationGraph(
          options.schema as Record<string, unknown>,
          options.relations as RelationDeclarations | undefined,
        )
  const execute: Queryable['execute'] = (query) => runQuery(dialect, driver, query, logger)
  const database: Database<RelationalQueries<S, R>> = {
    ...queryBuilders({ dialect, execute }),
    query: relationalQueries({ dialect, execute }, graph) as RelationalQueries<S, R>,
    dialect,
    execute,
    transaction: async (fn, transactionOptions) => {
      // Checked before BEGIN so a bad option never opens a transaction.
      const setTransaction = setTransactionStatement(transactionOptions)
      return driver.transaction(async (connection) => {
        const scope = new TransactionScope(dialect, connection, 0, logger, graph)
        try {
          if (setTransaction) await scope.execute(setTransaction)
          return await fn(scope as unknown as Transaction<RelationalQueries<S, R>>)
        } finally {
          scope.finish()
        }
      })
    },
    close: () => driver.close(),
  }
  if (graph !== undefined) relationGraphs.set(database, graph)
  return database
}

/** The relation graph each database was built with, for wrappers that route its queries elsewhere. */
const relationGraphs = new WeakMap<object, RelationGraph>()

/** @internal The relation graph of a database made by createDatabase, if it was given a schema. */
export function relationGraphOf(database: object): RelationGraph | undefined {
  return relationGraphs.get(database)
}
