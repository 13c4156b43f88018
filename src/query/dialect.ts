import type { CompiledQuery } from '../sql/compiled-query.js'
import type { SQL } from '../sql/sql.js'
import type { Decoder, StatementNode } from './ast.js'

/** A placeholder's position among the parameters, filled when a prepared query runs. */
export interface PlaceholderSlot {
  readonly index: number
  readonly name: string
  /** Encodes the value given for it, with the dialect's rules already applied. */
  readonly encode: (value: unknown) => string | null
}

/** A compiled statement; `slots` lists the parameters that placeholders fill. */
export interface CompiledStatement extends CompiledQuery {
  readonly slots: readonly PlaceholderSlot[] | undefined
}

/**
 * What the query layer needs from a SQL dialect: the builders make dialect-neutral trees, the
 * dialect writes them as its SQL and reads its result text back. Tidemark has one dialect,
 * PostgreSQL (`dialects/pg`); the query, sql, relations and database folders know it only
 * through this interface, which drivers and entry points hand them.
 */
export interface Dialect {
  /** A statement the builders made, as text and parameters. */
  compileStatement(node: StatementNode): CompiledStatement
  /** A `sql` fragment run as it is (`db.execute(sql...)`). */
  compileFragment(fragment: SQL): CompiledQuery
  /** The decoder for a result column the statement did not type itself, by the type the server reports. */
  decoderForType(typeOid: number): Decoder | undefined
}
