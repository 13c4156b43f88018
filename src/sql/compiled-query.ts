/** A statement ready for a driver: text with `$n` placeholders and the parameters' text values. */
export interface CompiledQuery {
  readonly sql: string
  readonly params: readonly (string | null)[]
}

/** How a fragment is compiled on its own (`compile(fragment, options)`). */
export interface CompileOptions {
  /**
   * Write parameters as literals instead of placeholders. DDL cannot take bound parameters
   * (defaults, checks, view bodies), so the DDL path compiles its fragments this way.
   */
  readonly inline?: boolean
  /** Qualify columns with their table name (queries) or not (DDL expressions inside one table). */
  readonly qualifyColumns?: boolean
}
