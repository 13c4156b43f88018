import { pgDialect } from './dialects/pg/index.js'
import { queryBuilders } from './query/query-builders.js'

/**
 * Builders not bound to a database: they compile (`toSQL()`) but do not run. Start from
 * `db.select()`, `db.insert()`... to run queries.
 */
const unbound = queryBuilders({ dialect: pgDialect })

/** An unbound `select`, e.g. `select().from(users).toSQL()`. */
export const select: typeof unbound.select = unbound.select
export const selectDistinct: typeof unbound.selectDistinct = unbound.selectDistinct
export const selectDistinctOn: typeof unbound.selectDistinctOn = unbound.selectDistinctOn
export const insert: typeof unbound.insert = unbound.insert
export const update: typeof unbound.update = unbound.update
/** An unbound `delete` (named so because `delete` is a reserved word). */
export const deleteFrom: typeof unbound.delete = unbound.delete
