import { TidemarkError } from '../errors.js'
import { identifierProblem } from './identifiers.js'

/**
 * The raw-SQL fragment: a frozen list of chunks. Values interpolated into the `sql` tag become bound
 * parameters, never text; identifiers are quoted when the fragment is compiled.
 */

/** Something that knows how it appears inside SQL: a table, a view, a column, an enum type. */
export interface SqlReference {
  readonly [toSqlChunk]: () => Chunk
}

export const toSqlChunk: unique symbol = Symbol.for('tidemark.toSqlChunk')

/**
 * Turns a JS value into the text the database receives for a parameter (null for SQL NULL). The
 * dialect passes its own value rules, for an encoder that writes only part of the value itself
 * (a list sent as one array parameter writes its elements and lets the dialect make the array).
 */
export type ParamEncoder = (value: unknown, codec: ValueCodec) => string | null

/** The dialect's rules for writing values as parameter text. */
export interface ValueCodec {
  /** A value's text when nothing more is known of it (null for SQL NULL). */
  encode(value: unknown): string | null
  /** One array parameter from its elements' texts (null elements are SQL NULL). */
  array(elements: readonly (string | null)[]): string
}

export type Chunk =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'param'; readonly value: unknown; readonly encode: ParamEncoder | undefined }
  /** A possibly qualified name: `["public", "users"]` compiles to `"public"."users"`. */
  | { readonly kind: 'identifier'; readonly names: readonly string[] }
  /** A column, qualified by its table name in queries and bare in DDL (checks, generated columns). */
  | { readonly kind: 'column'; readonly table: string | undefined; readonly name: string }
  | { readonly kind: 'sql'; readonly sql: SQL }
  /**
   * An expression made by the query builder (`eq(users.id, 1)`, `count()`), kept as its tree: the
   * dialect writes it when the fragment is compiled, with the statement it is part of.
   */
  | { readonly kind: 'expression'; readonly node: object }

/**
 * A SQL fragment. `T` is the type of the value it produces when used as a field or a typed query;
 * it exists only for the type checker.
 */
export class SQL<T = unknown> {
  declare readonly $value: T
  readonly chunks: readonly Chunk[]

  constructor(chunks: readonly Chunk[]) {
    this.chunks = Object.freeze(chunks)
  }

  /** Declares the type of value this fragment produces, e.g. `sql\`count(*)\`.as<number>()`. */
  as<U>(): SQL<U> {
    return this as unknown as SQL<U>
  }
}

// Types are functions (calling one makes a column), so functions may be references too.
function isReference(value: unknown): value is SqlReference {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && toSqlChunk in value
}

function chunkOf(value: unknown): Chunk {
  if (value instanceof SQL) return { kind: 'sql', sql: value }
  if (isReference(value)) return value[toSqlChunk]()
  return { kind: 'param', value, encode: undefined }
}

/**
 * Writes SQL with bound parameters.
 *
 * @example
 * sql`select * from ${users} where ${users.email} = ${email}`
 * // select * from "public"."users" where "users"."email" = $1   params: [email]
 */
export function sql<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): SQL<T> {
  const chunks: Chunk[] = []
  strings.forEach((text, i) => {
    if (text !== '') chunks.push({ kind: 'text', text })
    if (i < values.length) chunks.push(chunkOf(values[i]))
  })
  return new SQL<T>(chunks)
}

/**
 * A name quoted as an identifier: `sql.identifier('auth', 'users')` is `"auth"."users"`. Each name
 * must be one PostgreSQL keeps as written (the schema's own rule): not empty, no NUL, no lone
 * surrogate, at most 63 bytes. A longer name would be truncated and could name another table.
 */
sql.identifier = (...names: string[]): SQL => {
  if (names.length === 0) throw new TidemarkError('sql.identifier() needs at least one name')
  for (const name of names) {
    if (typeof name !== 'string') throw new TidemarkError('sql.identifier() names must be strings')
    const problem = identifierProblem(name)
    if (problem !== undefined) {
      // JSON.stringify escapes NUL and lone surrogates, so the message shows the name that was passed.
      throw new TidemarkError(
        `sql.identifier(${JSON.stringify(name)}): ${problem}. Use a name PostgreSQL keeps as written.`,
      )
    }
  }
  return new SQL([{ kind: 'identifier', names }])
}

/** Text inserted as is. The explicit unsafe door: never pass user input here. */
sql.raw = (text: string): SQL => new SQL([{ kind: 'text', text }])

/** One bound parameter, optionally with its own encoder (how the value is written for PostgreSQL). */
sql.param = (value: unknown, encode?: ParamEncoder): SQL => new SQL([{ kind: 'param', value, encode }])

/** A value sent as JSON text, whatever its JS type (strings and arrays included). */
sql.json = (value: unknown): SQL =>
  sql.param(value, (v) => (v === null || v === undefined ? null : JSON.stringify(v)))

/** Joins values or fragments with a separator (`, ` by default). */
sql.join = (items: readonly unknown[], separator: SQL = sql.raw(', ')): SQL => {
  const chunks: Chunk[] = []
  items.forEach((item, i) => {
    if (i > 0) chunks.push({ kind: 'sql', sql: separator })
    chunks.push(chunkOf(item))
  })
  return new SQL(chunks)
}

/** The empty fragment, for conditional composition. */
sql.empty = (): SQL => new SQL([])
