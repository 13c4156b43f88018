import { TidemarkError } from '../errors.js'
import type { StatementNode } from './ast.js'
import type { CompiledStatement } from './dialect.js'
import type { BoundExecutor, BuiltQuery, QueryExecutor } from './executor.js'
import { PreparedQuery } from './prepared.js'
import type { RowMapper } from './row-mapper.js'
import { type QuerySQL, runCompiled } from './run-compiled.js'

/**
 * What every finished builder can do: show its SQL, run (it is awaitable when bound to a database),
 * and be prepared once to run many times.
 */
export abstract class Runnable<Result> implements PromiseLike<Result> {
  /** Type-only: what the statement resolves to. */
  declare readonly $result: Result

  constructor(protected readonly executor: QueryExecutor) {}

  /** @internal The statement's AST; throws when the statement is not complete. */
  abstract toStatementNode(): StatementNode

  /** @internal Throws when the statement must not run as it stands (an update without where). */
  protected assertRunnable(): void {}

  /** @internal Builds result objects, or undefined when the statement returns no rows. */
  protected abstract rowMapper(): RowMapper | undefined

  /** The SQL and parameters this builder compiles to, without running it. */
  toSQL(): QuerySQL {
    const { sql, params } = this.executor.dialect.compileStatement(this.toStatementNode())
    return { sql, params }
  }

  /** Runs the statement. Awaiting the builder does the same. */
  execute(): Promise<Result> {
    let built: BuiltQuery
    try {
      built = this.toBuiltQuery()
    } catch (error) {
      return Promise.reject(error)
    }
    return runCompiled<Result>(this.requireExecutor(), built.sql, built.params, built.mapRows)
  }

  /**
   * @internal The statement ready to send, with its row mapper (none when it returns no rows), for
   * callers that send it themselves (a batch). Throws when it cannot run as it stands.
   */
  toBuiltQuery(): BuiltQuery {
    this.assertRunnable()
    const compiled: CompiledStatement = this.executor.dialect.compileStatement(this.toStatementNode())
    if (compiled.slots !== undefined) {
      throw new TidemarkError(
        `This query has placeholders (${compiled.slots.map((s) => s.name).join(', ')}): call prepare() and pass their values to execute()`,
      )
    }
    return { sql: compiled.sql, params: compiled.params, mapRows: this.rowMapper() }
  }

  // biome-ignore lint/suspicious/noThenProperty: builders are awaitable on purpose, like promises
  then<A = Result, B = never>(
    onfulfilled?: ((value: Result) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.execute().then(onfulfilled, onrejected)
  }

  /**
   * Compiles the statement once; the result runs it with values for its placeholders.
   *
   * @example
   * const byEmail = db.select().from(users).where(eq(users.email, placeholder('email'))).prepare()
   * const rows = await byEmail.execute({ email: 'ada@example.com' })
   */
  prepare(): PreparedQuery<Result> {
    this.assertRunnable()
    return new PreparedQuery<Result>(
      this.requireExecutor(),
      this.executor.dialect.compileStatement(this.toStatementNode()),
      this.rowMapper(),
    )
  }

  private requireExecutor(): BoundExecutor {
    if (this.executor.execute === undefined) {
      throw new TidemarkError(
        'This query is not bound to a database: start it from db.select() / db.insert() ... to run it',
      )
    }
    return this.executor as BoundExecutor
  }
}
