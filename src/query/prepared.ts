import { TidemarkError } from '../errors.js'
import type { CompiledStatement } from './dialect.js'
import type { BoundExecutor } from './executor.js'
import type { RowMapper } from './row-mapper.js'
import { type QuerySQL, runCompiled } from './run-compiled.js'

/** A statement compiled once; each run only fills in its placeholders' values. */
export class PreparedQuery<Result> {
  constructor(
    private readonly executor: BoundExecutor,
    private readonly compiled: CompiledStatement,
    private readonly mapRows: RowMapper | undefined,
  ) {}

  /** Runs the statement with a value for every placeholder, by name. */
  execute(values: Readonly<Record<string, unknown>> = {}): Promise<Result> {
    const { sql, params, slots } = this.compiled
    if (slots === undefined) return runCompiled(this.executor, sql, params, this.mapRows)
    const filled = params.slice()
    try {
      for (const slot of slots) {
        if (!Object.hasOwn(values, slot.name))
          throw new TidemarkError(`No value given for placeholder '${slot.name}'`)
        filled[slot.index] = slot.encode(values[slot.name])
      }
    } catch (error) {
      return Promise.reject(error)
    }
    return runCompiled(this.executor, sql, filled, this.mapRows)
  }

  /** The compiled SQL; placeholders' parameters are null here. */
  toSQL(): QuerySQL {
    return { sql: this.compiled.sql, params: this.compiled.params }
  }
}
