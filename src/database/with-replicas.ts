import { TidemarkError } from '../errors.js'
import type { QueryExecutor } from '../query/executor.js'
import { queryBuilders } from '../query/query-builders.js'
import { relationalQueries } from '../relations/find.js'
import { type Database, relationGraphOf } from './database.js'

/** A database that sends reads to replicas and everything else to the primary: see withReplicas. */
export interface ReplicatedDatabase<Q = {}> extends Database<Q> {
  /** The primary itself, for reads that must see a write just made (read-after-write). */
  readonly $primary: Database<Q>
  /** One replica, chosen as reads choose theirs: for raw SQL that is known to only read. */
  $replica(): Database<Q>
}

export interface ReplicasOptions<Q = {}> {
  /** Chooses the replica for each read; a random one when omitted. */
  pick?: (replicas: readonly Database<Q>[]) => Database<Q>
}

/**
 * One database over a primary and its read replicas. Reads built with `select`, `selectDistinct`,
 * `selectDistinctOn`, `with(...)` and relational queries (`db.query...`) run on a replica, picked
 * again for each execution. Writes (`insert`, `update`, `delete`), raw SQL through `execute` and
 * transactions (reads inside them too) run on the primary: raw SQL may write, so it reads from a
 * replica only when sent there on purpose with `$replica().execute(...)`. close() closes them all.
 *
 * A replica lags behind its primary: read from `$primary` what a request has just written. Locking
 * reads (`.for('update')`) belong in a transaction, which runs on the primary.
 *
 * @example
 * const db = withReplicas(fromNodePostgres(primaryPool), [fromNodePostgres(replicaPool)])
 * await db.select().from(users) // a replica
 * await db.insert(users).values({ name: 'Ada' }) // the primary
 * await db.$primary.select().from(users) // the primary
 */
export function withReplicas<Q>(
  primary: Database<Q>,
  replicas: readonly Database<Q>[],
  options: ReplicasOptions<Q> = {},
): ReplicatedDatabase<Q> {
  if (replicas.length === 0)
    throw new TidemarkError('withReplicas needs at least one replica: pass the primary alone otherwise')
  const choose = options.pick ?? pickRandom
  const pick = (): Database<Q> => {
    const replica = choose(replicas)
    if (!replicas.includes(replica))
      throw new TidemarkError('The pick option of withReplicas must return one of the replicas it is given')
    return replica
  }
  const onReplica: QueryExecutor = { dialect: primary.dialect, execute: (query) => pick().execute(query) }
  const reads = queryBuilders(onReplica)
  const graph = relationGraphOf(primary)
  return {
    ...reads,
    insert: (table) => primary.insert(table),
    update: (table) => primary.update(table),
    delete: (table) => primary.delete(table),
    // CTEs are reads, but the statement after them may write.
    with: (...ctes) => ({
      ...reads.with(...ctes),
      insert: (table) => primary.with(...ctes).insert(table),
      update: (table) => primary.with(...ctes).update(table),
      delete: (table) => primary.with(...ctes).delete(table),
    }),
    query: (graph === undefined
      ? replicaQueriesAtStart(primary, pick)
      : relationalQueries(onReplica, graph)) as Q,
    dialect: primary.dialect,
    execute: (query) => primary.execute(query),
    transaction: (fn, transactionOptions) => primary.transaction(fn, transactionOptions),
    close: async () => {
      // Each once, even when the primary is also listed as a replica.
      await Promise.all([...new Set([primary, ...replicas])].map((database) => database.close()))
    },
    $primary: primary,
    $replica: pick,
  }
}

/**
 * For a database createDatabase did not make (a wrapper, a spread copy), whose relation graph is not
 * known: each relational query runs on the replica picked when it starts.
 */
function replicaQueriesAtStart<Q>(primary: Database<Q>, pick: () => Database<Q>): Record<string, unknown> {
  const queries: Record<string, unknown> = {}
  for (const key of Object.keys(primary.query as object)) {
    const on = () => (pick().query as Record<string, Record<'findMany' | 'findFirst', Function>>)[key]!
    queries[key] = Object.freeze({
      findMany: (config?: unknown) => on().findMany(config),
      findFirst: (config?: unknown) => on().findFirst(config),
    })
  }
  return Object.freeze(queries)
}

function pickRandom<T>(replicas: readonly T[]): T {
  return replicas[Math.floor(Math.random() * replicas.length)]!
}
