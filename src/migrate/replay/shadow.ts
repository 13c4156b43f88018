import { randomBytes } from 'node:crypto'
import type { Database } from '../../database/database.js'
import { openDatabaseUrl } from '../../drivers/open-url.js'
import { type ContribSelection, contribExtensionsCreatedIn } from '../../drivers/pglite-contrib.js'
import { TidemarkError } from '../../errors.js'
import type { SchemaModel } from '../../model/types.js'
import { sql } from '../../sql/sql.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import { openEmbeddedShadow } from './embedded-shadow.js'

/** A scratch database that exists only while `generate` (or `check`) compares schemas. */
export interface ShadowDatabase {
  readonly db: Database
  /** `embedded` (PGlite in this process) or `server` (a temporary database on a server). */
  readonly kind: 'embedded' | 'server'
  /**
   * Runs a whole script in one round trip (PostgreSQL's simple query protocol: the statements run as
   * one implicit transaction, all or nothing). Much faster than one statement at a time; callers fall
   * back to that to name the failing statement.
   */
  runScript(sql: string): Promise<void>
  close(): Promise<void>
}

export interface ShadowOptions {
  /** A server to create the temporary database on; PGlite in-process when absent. */
  readonly url?: string | undefined
  /**
   * The project's cache folder: what a history builds and how PostgreSQL rewrites expressions, so
   * later runs can skip the shadow. Nothing of that is cached when absent. (The pristine PGlite data
   * directory the shadow starts from is kept once per machine, see pglite-archive.ts; here only
   * when the machine's cache cannot be written.)
   */
  readonly cacheDir?: string | undefined
  /**
   * The contrib extensions the embedded shadow registers: all by default; callers that know the SQL
   * it will run pass what that SQL creates (`contribExtensionsCreatedIn`), since each costs start-up.
   */
  readonly extensions?: ContribSelection | undefined
}

export async function openShadow(options: ShadowOptions = {}): Promise<ShadowDatabase> {
  return options.url === undefined
    ? openEmbeddedShadow(options.cacheDir, options.extensions)
    : openServerShadow(options.url)
}

async function openServerShadow(url: string): Promise<ShadowDatabase> {
  const admin = await openDatabaseUrl(url)
  const name = `tidemark_shadow_${randomBytes(6).toString('hex')}`
  try {
    await admin.execute(sql`create database ${sql.identifier(name)}`)
  } catch (error) {
    await admin.close()
    throw new TidemarkError(
      `Could not create the shadow database on ${redactUrl(url)}: ${(error as Error).message}. The shadow URL needs a role allowed to CREATE DATABASE.`,
      { cause: error },
    )
  }
  const shadowUrl = new URL(url)
  shadowUrl.pathname = `/${name}`
  const db = await openDatabaseUrl(shadowUrl.toString())
  return {
    db,
    kind: 'server',
    // node-postgres sends a query without parameters with the simple protocol, several statements
    // at once; postgres.js does not, and the caller's statement-by-statement fallback covers it.
    runScript: async (sql) => {
      await db.execute({ sql, params: [] })
    },
    async close() {
      await db.close()
      try {
        await admin.execute(sql`drop database if exists ${sql.identifier(name)} with (force)`)
      } finally {
        await admin.close()
      }
    },
  }
}

/** A URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the configured URL'
  }
}

/**
 * What a shadow needs to replay these migrations and load these models: the contrib extensions their
 * SQL creates (migration files, and the definitions of extensions, routines and triggers).
 */
export function shadowExtensions(
  folder: MigrationFolder | undefined,
  models: readonly (SchemaModel | undefined)[],
): ContribSelection {
  const texts = [
    ...(folder?.migrations.map((migration) => migration.up) ?? []),
    ...models.flatMap((model) => model?.definedObjects.map((object) => object.definition) ?? []),
  ]
  return contribExtensionsCreatedIn(texts)
}
