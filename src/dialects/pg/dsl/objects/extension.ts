import { DEFAULT_SCHEMA, schemaObjectKind } from '../../../../schema/kind.js'
import { quoteIdent, quoteLiteral } from '../../grammar/quote.js'

/** An extension the schema needs; its own objects (types, functions) belong to it and are never diffed one by one. */
export interface PgExtension {
  readonly [schemaObjectKind]: 'extension'
  readonly name: string
  readonly schema: string
  readonly version: string | undefined
  /** The CREATE EXTENSION statement a migration runs. */
  readonly statement: string
}

export interface ExtensionOptions {
  /** The schema its objects go into; `public` unless given. */
  readonly schema?: string
  /**
   * The version CREATE EXTENSION installs; its default version otherwise. Only the first install
   * uses it: an update is an `ALTER EXTENSION ... UPDATE` you write in a migration.
   */
  readonly version?: string
}

/**
 * Declares `CREATE EXTENSION IF NOT EXISTS`, created before the types, functions and tables that
 * use it. On the embedded database (PGlite), the contrib extensions PGlite ships are loaded for it.
 *
 * @example
 * export const citext = extension('citext')
 * export const crypto = extension('pgcrypto', { schema: 'extensions' })
 */
export function extension(name: string, options: ExtensionOptions = {}): PgExtension {
  if (typeof name !== 'string' || name === '') throw new TypeError('extension() takes the extension name')
  const schema = options.schema ?? DEFAULT_SCHEMA
  const version = options.version
  const statement =
    `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)} WITH SCHEMA ${quoteIdent(schema)}` +
    (version === undefined ? '' : ` VERSION ${quoteLiteral(version)}`)
  return Object.freeze({ [schemaObjectKind]: 'extension' as const, name, schema, version, statement })
}
