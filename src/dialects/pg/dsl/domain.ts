import { type AnyColumn, type Column, column } from '../../../schema/column.js'
import type { ColumnType, DomainDeclaration } from '../../../schema/column-type.js'
import { DEFAULT_SCHEMA, schemaObjectKind } from '../../../schema/kind.js'
import { type Chunk, SQL, type SqlReference, toSqlChunk } from '../../../sql/sql.js'
import { qualifiedName } from '../grammar/quote.js'
import { arrayOf } from './pg-type.js'

/**
 * A PostgreSQL domain: a base type with constraints. Call it to make a column, `email()` or
 * `email('contact_email')`; the column is typed and travels as the base type.
 */
export interface PgDomain<T = unknown> extends SqlReference {
  (name?: string): Column<T>
  readonly [schemaObjectKind]: 'domain'
  readonly schema: string
  readonly domainName: string
  /** Everything the domain declares, as frozen data. */
  readonly declaration: DomainDeclaration
}

export interface DomainOptions<T> {
  /** The schema the domain lives in; `public` unless given. */
  readonly schema?: string
  /** NOT NULL: every column of the domain refuses NULL. */
  readonly notNull?: boolean
  /** DEFAULT for columns of the domain that have none of their own: a value or a `sql` expression. */
  readonly default?: T | SQL
  /**
   * CHECK constraints on `VALUE`: named (`{ email_has_at: sql\`VALUE ~ '@'\` }`), or a list that gets
   * PostgreSQL's names (`<domain>_check`, `<domain>_check1`, ...).
   */
  readonly checks?: Readonly<Record<string, SQL>> | readonly SQL[]
  /** COLLATE for a text-like base type: `C`, or a qualified name such as `public.german`. */
  readonly collation?: string
  /** COMMENT ON DOMAIN: documentation kept in the database. An empty text is no comment. */
  readonly comment?: string
}

/**
 * Declares `CREATE DOMAIN <name> AS <base type>` with its default, NOT NULL and checks. The base is
 * a column of any type (`text()`, `varchar({ length: 10 })`, an enum's or another domain's column);
 * only its type counts. Interpolated in `sql`, the domain is its qualified name.
 *
 * @example
 * export const email = domain('email', text(), { checks: { email_has_at: sql`VALUE ~ '@'` } })
 * export const users = table('users', { email: email().notNull() })
 * // CREATE DOMAIN "public"."email" AS text CONSTRAINT "email_has_at" CHECK (VALUE ~ '@')
 */
export function domain<T>(name: string, base: Column<T, any>, options: DomainOptions<T> = {}): PgDomain<T> {
  const schema = options.schema ?? DEFAULT_SCHEMA
  const label = `domain ${name}`
  if (options.comment !== undefined && typeof options.comment !== 'string')
    throw new TypeError(`${label}: the comment option takes a string`)
  const baseType = baseTypeOf(base as AnyColumn, label)
  const checks = Array.isArray(options.checks)
    ? options.checks.map((expression) => ({ name: undefined, expression }))
    : Object.entries(options.checks ?? {}).map(([checkName, expression]) => ({ name: checkName, expression }))
  for (const check of checks) {
    if (!(check.expression instanceof SQL))
      throw new TypeError(`${label}: checks take sql\`...\` expressions`)
  }
  const value = options.default
  const declaration: DomainDeclaration = Object.freeze({
    schema,
    name,
    base: baseType,
    notNull: options.notNull ?? false,
    default:
      value === undefined
        ? undefined
        : { kind: value instanceof SQL ? ('sql' as const) : ('value' as const), value },
    checks,
    collation: options.collation,
    comment: options.comment,
  })
  const type: ColumnType = {
    sql: qualifiedName(schema, name),
    // The family of the base: defaults, JSON reads and validation treat the value as the base type.
    family: baseType.family,
    dimensions: 0,
    decode: baseType.decode,
    encode: baseType.encode,
    toArray: () => arrayOf(type),
    domain: declaration,
  }
  const factory = (columnName?: string): Column<T> => column(type, columnName)
  return Object.assign(factory, {
    [schemaObjectKind]: 'domain' as const,
    schema,
    domainName: name,
    declaration,
    [toSqlChunk]: (): Chunk => ({ kind: 'identifier', names: [schema, name] }),
  })
}

/** Only the base column's type makes the domain: modifiers on it would be silently lost. */
function baseTypeOf(base: AnyColumn, label: string): ColumnType {
  const config = base?.config
  if (config === undefined) throw new TypeError(`${label}: the base type is a column, such as text()`)
  if (config.type.serial !== undefined)
    throw new TypeError(`${label}: a serial type cannot be a domain's base`)
  const modified =
    config.notNull ||
    config.primaryKey ||
    config.default !== undefined ||
    config.unique !== undefined ||
    config.references !== undefined ||
    config.identity !== undefined ||
    config.generated !== undefined ||
    config.checks.length > 0
  if (modified)
    throw new TypeError(
      `${label}: give NOT NULL, defaults and checks in the domain's options, not on its base`,
    )
  return config.type
}
