import { TidemarkError } from '../errors.js'
import type { Dialect } from '../query/dialect.js'
import { QueryBuilderMethods } from '../query/query-builders.js'
import { relationalQueries } from '../relations/find.js'
import type { RelationGraph } from '../relations/graph.js'
import { SQL } from '../sql/sql.js'
import type { Executable, QueryEvent, QueryResult, Transaction, TransactionOptions } from './database.js'
import type { DriverConnection } from './driver.js'
import { runQuery } from './run-query.js'

/**
 * A transaction (depth 0) or a savepoint inside one (depth 1, 2...), bound to the connection the
 * driver dedicated to it. It refuses work once its callback has finished: a query sent then would
 * run outside the transaction the caller meant, or on a connection already back in a pool.
 */
export class TransactionScope extends QueryBuilderMethods implements Transaction {
  private finished = false
  private nestedActive = false

  private queries: Record<string, unknown> | undefined

  constructor(
    readonly dialect: Dialect,
    private readonly connection: DriverConnection,
    private readonly depth: number,
    private readonly logger: ((event: QueryEvent) => void) | undefined,
    private readonly graph: RelationGraph | undefined,
  ) {
    super()
  }

  /**
   * Relational queries (`tx.query.users.findMany(...)`) that run in this transaction. Built on first
   * use: most transactions never read it, and it holds an entry per table of the schema.
   */
  get query(): Record<string, unknown> {
    this.queries ??= relationalQueries(this, this.graph)
    return this.queries
  }

  // async so misuse surfaces as a rejected promise, like every other failure of execute.
  override async execute<Row = Record<string, unknown>>(query: Executable): Promise<QueryResult<Row>> {
    this.assertOpen()
    return runQuery<Row>(this.dialect, this.connection, query, this.logger)
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    this.assertOpen()
    if (options !== undefined) {
      throw new TidemarkError(
        'A nested transaction cannot set options: isolation level and access mode belong to the outermost transaction',
      )
    }
    // Savepoints nest strictly; two siblings running at once would release each other's work.
    if (this.nestedActive)
      throw new TidemarkError('Only one nested transaction can run at a time in a transaction')
    this.nestedActive = true
    try {
      return await this.runInSavepoint(fn)
    } finally {
      this.nestedActive = false
    }
  }

  /** Marks the scope finished; called once its callback has settled. */
  finish(): void {
    this.finished = true
  }

  private async runInSavepoint<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const savepoint = `tidemark_sp_${this.depth + 1}`
    await this.execute(statement(`SAVEPOINT ${savepoint}`))
    const inner = new TransactionScope(this.dialect, this.connection, this.depth + 1, this.logger, this.graph)
    let result: T
    try {
      result = await fn(inner)
    } catch (error) {
      inner.finish()
      // Undo only the inner work, then drop the savepoint so a loop of nested calls does not pile them up.
      // If that fails, the transaction is unusable (its COMMIT will fail too); fn's error is the one to report.
      try {
        await this.execute(statement(`ROLLBACK TO SAVEPOINT ${savepoint}`))
        await this.execute(statement(`RELEASE SAVEPOINT ${savepoint}`))
      } catch {}
      throw error
    }
    inner.finish()
    await this.execute(statement(`RELEASE SAVEPOINT ${savepoint}`))
    return result
  }

  private assertOpen(): void {
    if (this.finished) {
      throw new TidemarkError(
        'This transaction has already finished: its callback returned or threw. Use the transaction object only inside its callback, and await every query there.',
      )
    }
  }
}

function statement(text: string): SQL {
  return new SQL([{ kind: 'text', text }])
}
