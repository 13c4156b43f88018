import type { AnyColumn } from '../../../../schema/column.js'
import { DEFAULT_SCHEMA, schemaObjectKind } from '../../../../schema/kind.js'
import { type Chunk, SQL, type SqlReference, toSqlChunk } from '../../../../sql/sql.js'
import { ddlExpression } from '../../compiler/fragment.js'
import { quoteIdent, quoteIdentIfNeeded } from '../../grammar/quote.js'
import { definedAt } from './defined-at.js'
import { dollarQuote } from './dollar-quote.js'
import { readRoutineHeader } from './routine-header.js'

/** A type for an argument or a result: SQL type text (`integer`, `setof text`, `trigger`) or a column. */
export type RoutineType = string | AnyColumn

/** A function or procedure declared in the schema; use it in `sql` to call it by its qualified name. */
export interface PgRoutine extends SqlReference {
  readonly [schemaObjectKind]: 'routine'
  readonly kind: 'function' | 'procedure'
  readonly schema: string
  readonly name: string
  /** `name(arg types as written)`: PostgreSQL's own spelling is read back by generate. */
  readonly signature: string
  /** The CREATE statement, as written or as rendered from the options. */
  readonly statement: string
  readonly comment: string | undefined
  /** `file:line` of the declaration, for errors only the database can find. */
  readonly definedAt: string | undefined
  /** EXECUTE for PUBLIC, which PostgreSQL grants on every new routine; false when it is revoked. */
  readonly publicExecute: boolean
}

interface RoutineOptionsBase {
  /** The schema the routine lives in; `public` unless given. */
  readonly schema?: string
  /** Arguments: `{ name: type }` in order, or a list of types for unnamed ones. */
  readonly args?: Readonly<Record<string, RoutineType>> | readonly RoutineType[]
  /** `sql`, `plpgsql`, ... */
  readonly language: string
  /** The body, as the language reads it. With `sql`, tables and columns interpolate as names. */
  readonly body: string | SQL
  /** SECURITY DEFINER: runs with the privileges of its owner. Pair it with `searchPath`. */
  readonly securityDefiner?: boolean
  /** SET search_path for the call: schema names, or `''` for an empty path. */
  readonly searchPath?: string | readonly string[]
  /** COMMENT ON: documentation kept in the database. An empty text is no comment. */
  readonly comment?: string
  /**
   * EXECUTE for PUBLIC (every role), which PostgreSQL grants on every new routine; `false` revokes
   * it, so only the owner and the roles granted EXECUTE (`grant(fn, { to: [...] })`) may call it.
   */
  readonly publicExecute?: boolean
}

/** The options of a routine declared by its whole statement. */
export type WrittenRoutineOptions = Pick<RoutineOptionsBase, 'comment' | 'publicExecute'>

export interface FunctionOptions extends RoutineOptionsBase {
  /** The result: `integer`, `trigger`, `setof text`, `table (id integer)`, or a column like `integer()`. */
  readonly returns: RoutineType
  /** VOLATILE unless given. */
  readonly volatility?: 'immutable' | 'stable' | 'volatile'
  /** STRICT (RETURNS NULL ON NULL INPUT). */
  readonly strict?: boolean
  /** PARALLEL UNSAFE unless given. */
  readonly parallel?: 'unsafe' | 'restricted' | 'safe'
  readonly leakproof?: boolean
}

export type ProcedureOptions = RoutineOptionsBase

/**
 * Declares a function, identified by schema, name and argument types (overloads are distinct
 * functions). Write its options, or the whole CREATE FUNCTION statement; either way generate
 * compares it with the database as PostgreSQL prints it, so how it is typed makes no difference.
 *
 * @example
 * export const touch = pgFunction('touch_updated_at', {
 *   returns: 'trigger',
 *   language: 'plpgsql',
 *   body: 'begin new.updated_at := now(); return new; end',
 * })
 * export const slugify = pgFunction(sql`
 *   create function slugify(input text) returns text language sql immutable strict
 *   return lower(regexp_replace(input, '[^a-zA-Z0-9]+', '-', 'g'))`)
 */
export function pgFunction(name: string, options: FunctionOptions): PgRoutine
export function pgFunction(statement: SQL | string, options?: WrittenRoutineOptions): PgRoutine
export function pgFunction(
  nameOrStatement: string | SQL,
  options?: FunctionOptions | WrittenRoutineOptions,
): PgRoutine {
  return declareRoutine('function', nameOrStatement, options)
}

/**
 * Declares a procedure (CALL-able, may COMMIT), by its options or its whole CREATE PROCEDURE statement.
 *
 * @example
 * export const archive = procedure('archive_old_posts', {
 *   args: { days: 'integer' },
 *   language: 'sql',
 *   body: sql`delete from ${posts} where created_at < now() - make_interval(days => days)`,
 * })
 */
export function procedure(name: string, options: ProcedureOptions): PgRoutine
export function procedure(statement: SQL | string, options?: WrittenRoutineOptions): PgRoutine
export function procedure(
  nameOrStatement: string | SQL,
  options?: ProcedureOptions | WrittenRoutineOptions,
): PgRoutine {
  return declareRoutine('procedure', nameOrStatement, options)
}

function declareRoutine(
  kind: 'function' | 'procedure',
  nameOrStatement: string | SQL,
  options: Partial<FunctionOptions> | undefined,
): PgRoutine {
  const where = definedAt()
  const written = options === undefined || !('language' in options)
  if (written) return fromStatement(kind, nameOrStatement, options ?? {}, where)
  if (typeof nameOrStatement !== 'string' || nameOrStatement === '')
    throw new TypeError(
      `${kind}: give a name and options, or the whole CREATE ${kind.toUpperCase()} statement`,
    )
  return fromOptions(kind, nameOrStatement, options as FunctionOptions, where)
}

function fromStatement(
  kind: 'function' | 'procedure',
  source: string | SQL,
  options: WrittenRoutineOptions,
  where: string | undefined,
): PgRoutine {
  const statement = (source instanceof SQL ? ddlExpression(source) : String(source))
    .trim()
    .replace(/;\s*$/, '')
  const header = readRoutineHeader(statement)
  if (header === undefined || header.kind !== kind) {
    throw new TypeError(
      `${kind === 'function' ? 'pgFunction' : 'procedure'}() takes a name and options, or a CREATE ${kind.toUpperCase()} statement; got: ${statement.slice(0, 60)}`,
    )
  }
  return routine(kind, header.schema ?? DEFAULT_SCHEMA, header.name, header.args, statement, options, where)
}

function fromOptions(
  kind: 'function' | 'procedure',
  name: string,
  options: FunctionOptions,
  where: string | undefined,
): PgRoutine {
  const schema = options.schema ?? DEFAULT_SCHEMA
  const label = `${kind} ${schema}.${name}`
  const args = argumentList(options.args, label)
  const clauses: string[] = []
  if (kind === 'function') {
    if (options.returns === undefined) throw new TypeError(`${label}: the returns option is required`)
    clauses.push(`RETURNS ${typeText(options.returns, label)}`)
  }
  clauses.push(`LANGUAGE ${quoteIdentIfNeeded(options.language)}`)
  if (options.volatility !== undefined) clauses.push(options.volatility.toUpperCase())
  if (options.strict === true) clauses.push('STRICT')
  if (options.leakproof === true) clauses.push('LEAKPROOF')
  if (options.securityDefiner === true) clauses.push('SECURITY DEFINER')
  if (options.parallel !== undefined) clauses.push(`PARALLEL ${options.parallel.toUpperCase()}`)
  if (options.searchPath !== undefined)
    clauses.push(`SET search_path = ${searchPathText(options.searchPath)}`)
  const body = options.body instanceof SQL ? ddlExpression(options.body) : options.body
  if (typeof body !== 'string') throw new TypeError(`${label}: the body option takes a string or sql\`\``)
  clauses.push(`AS ${dollarQuote(body)}`)
  const argText = args.map(([argName, type]) =>
    argName === undefined ? type : `${quoteIdent(argName)} ${type}`,
  )
  const statement = `CREATE OR REPLACE ${kind.toUpperCase()} ${quoteIdent(schema)}.${quoteIdent(name)}(${argText.join(', ')}) ${clauses.join(' ')}`
  return routine(kind, schema, name, args.map(([, type]) => type).join(', '), statement, options, where)
}

function routine(
  kind: 'function' | 'procedure',
  schema: string,
  name: string,
  args: string,
  statement: string,
  options: WrittenRoutineOptions,
  where: string | undefined,
): PgRoutine {
  const comment = options.comment
  if (options.publicExecute !== undefined && typeof options.publicExecute !== 'boolean')
    throw new TypeError(`${kind} ${schema}.${name}: the publicExecute option takes true or false`)
  if (comment !== undefined && typeof comment !== 'string')
    throw new TypeError(`${kind} ${schema}.${name}: the comment option takes a string`)
  return Object.freeze({
    [schemaObjectKind]: 'routine' as const,
    kind,
    schema,
    name,
    signature: `${name}(${args})`,
    statement,
    comment,
    definedAt: where,
    publicExecute: options.publicExecute !== false,
    [toSqlChunk]: (): Chunk => ({ kind: 'identifier', names: [schema, name] }),
  })
}

function argumentList(
  args: FunctionOptions['args'],
  label: string,
): [name: string | undefined, type: string][] {
  if (args === undefined) return []
  if (Array.isArray(args)) return args.map((type: RoutineType) => [undefined, typeText(type, label)])
  return Object.entries(args).map(([name, type]) => [name, typeText(type as RoutineType, label)])
}

function typeText(type: RoutineType, label: string): string {
  if (typeof type === 'string' && type.trim() !== '') return type.trim()
  if (typeof type === 'object' && type !== null && 'config' in type) return type.config.type.sql
  throw new TypeError(`${label}: a type is SQL text ('integer') or a column (integer()), got ${String(type)}`)
}

function searchPathText(path: string | readonly string[]): string {
  const schemas = typeof path === 'string' ? (path === '' ? [] : [path]) : path
  return schemas.length === 0 ? "''" : schemas.map(quoteIdent).join(', ')
}
