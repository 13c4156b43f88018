import type { Database, DatabaseOptions } from './database/database.js'
import { createDatabaseFor } from './database/database.js'
import type { Driver } from './database/driver.js'
import { pgDialect } from './dialects/pg/index.js'
import type { RelationalQueries } from './relations/find.js'

/**
 * Wraps a driver adapter in the Database API. Usually called by an adapter (`fromPGlite`,
 * `fromNodePostgres`, `fromPostgresJs`) rather than directly.
 */
export function createDatabase<S = {}, R = {}>(
  driver: Driver,
  options: DatabaseOptions<S, R> = {},
): Database<RelationalQueries<S, R>> {
  return createDatabaseFor(pgDialect, driver, options)
}
