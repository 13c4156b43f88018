/**
 * `tidemark/config`: what `tidemark.config.ts` imports. Apart from the runtime root (`tidemark`),
 * so an app's bundle never carries the command's settings, and a config file loads nothing else.
 */

import type { Casing } from './schema/casing.js'

/**
 * The shape of `tidemark.config.ts`. Every field is optional; command-line flags override them.
 *
 * @example
 * import { defineConfig } from 'tidemark/config'
 *
 * export default defineConfig({
 *   schema: './src/db/schema.ts',
 *   migrations: './migrations',
 *   databaseUrl: process.env.DATABASE_URL,
 * })
 */
export interface TidemarkConfig {
  /**
   * The schema module(s) that declare tables, enums, views and sequences, relative to the config
   * file: files, folders (every .ts, .mts, .js and .mjs file inside, tests and .d.ts files aside) or
   * glob patterns such as `'./src/db/**\/*.ts'`.
   */
  readonly schema?: string | readonly string[]
  /** The migrations folder, relative to the config file. Default `migrations`. */
  readonly migrations?: string
  /** The live database. Default: `DATABASE_URL`, else an embedded PGlite database in `.tidemark/`. */
  readonly databaseUrl?: string | undefined
  /**
   * The database schemas Tidemark manages. `check`, `pull` and `push` read only these, so objects
   * other tools own (an auth or storage schema, say) are neither reported nor touched. Default: every
   * schema except PostgreSQL's own.
   */
  readonly schemas?: readonly string[]
  /** A server on which `generate` creates (and drops) its scratch database; PGlite in-process when absent. */
  readonly shadowDatabaseUrl?: string | undefined
  /** Where applied migrations are recorded. Default `public.tidemark_migrations`. */
  readonly journal?: { readonly schema?: string; readonly table?: string }
  /** PostgreSQL's lock_timeout for each migration, e.g. `'10s'`. Default `'10s'`. */
  readonly lockTimeout?: string
  /**
   * Let `migrate` apply migrations that declare a data-loss hazard, and `migrate down` undo
   * migrations, without asking (on a terminal) or `--allow-data-loss` (elsewhere). Default `false`.
   */
  readonly allowDataLoss?: boolean
  /**
   * Roles Tidemark creates (NOLOGIN, no privileges) when they do not exist, before `migrate` and
   * `push` apply anything: the roles your policies name, e.g. `['app_user', 'anon']`. Roles are
   * cluster-wide, so by default Tidemark only refers to them; they are never dropped.
   */
  readonly roles?: readonly string[]
  /**
   * The column casing the schema modules declare, e.g. `'snake_case'` for
   * `schema('public', { casing: 'snake_case' })`. The casing itself lives in the schema module, which
   * the application's queries import too; this setting makes `pull` write code in it, and makes
   * `generate`, `push` and `check` refuse a column the schema names otherwise (a table declared
   * without the casing), before a migration or a query can use the wrong name.
   */
  readonly casing?: Casing
}

/** Returns the config unchanged; it exists so the editor checks the config file's fields. */
export function defineConfig(config: TidemarkConfig): TidemarkConfig {
  return config
}
