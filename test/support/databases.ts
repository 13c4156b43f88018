/**
 * The integration harness: runs a block of tests against every configured database.
 *
 * - Always: PGlite (PostgreSQL compiled to WASM), a new instance per `describeEachDatabase` call.
 * - When `TIDEMARK_TEST_DATABASE_URL` is set (e.g. postgres://postgres@127.0.0.1:5432/postgres):
 *   that server through node-postgres (a pg.Pool), through postgres.js, through Neon's serverless
 *   Pool (over WebSocket, via a loopback proxy to the server) and through Neon's HTTP query function
 *   (via a loopback stand-in for Neon's SQL-over-HTTP endpoint). Each of these targets creates its
 *   own database `tidemark_test_<random hex>` and drops it after the block, so test files can run
 *   in parallel and leave nothing behind.
 *
 * Usage (one call per file keeps boot time down; `target.db` is ready inside tests and hooks):
 *
 *   describeEachDatabase('transactions', (target) => {
 *     beforeAll(() => target.exec('create table t (id int primary key)'))
 *     it('commits', async () => {
 *       await target.db.transaction((tx) => tx.execute(sql`insert into t values (1)`))
 *       expect((await target.db.execute(sql`select count(*)::int as n from t`)).rows).toEqual([{ n: 1 }])
 *     })
 *   })
 *
 * Tests inside one block share the database, so give tables distinct names or clean up.
 */
import { randomBytes } from 'node:crypto'
import { Pool as NeonPool, neon } from '@neondatabase/serverless'
import pg from 'pg'
import postgres from 'postgres'
import { afterAll, beforeAll, describe } from 'vitest'
import type { Database, DatabaseOptions } from '../../src/database/database.js'
import { fromNeonPool } from '../../src/drivers/neon.js'
import { fromNeonHttp } from '../../src/drivers/neon-http.js'
import { fromNodePostgres } from '../../src/drivers/node-postgres.js'
import { fromPGlite } from '../../src/drivers/pglite.js'
import { pgliteContribExtensions } from '../../src/drivers/pglite-contrib.js'
import { fromPostgresJs } from '../../src/drivers/postgres-js.js'
import { useNeonHttpEndpoint } from './neon-http-endpoint.js'
import { useNeonProxy } from './neon-proxy.js'
import { createPGlite } from './pglite.js'

export type TargetName = 'pglite' | 'node-postgres' | 'postgres-js' | 'neon' | 'neon-http'

export interface Target {
  readonly name: TargetName
  /** `embedded` for PGlite, `server` for a real PostgreSQL server. */
  readonly kind: 'embedded' | 'server'
  /** The database under test. Available once the block's beforeAll has run. */
  readonly db: Database
  /** Runs SQL (one or more statements, no parameters) directly on the driver, bypassing Tidemark. */
  exec(sql: string): Promise<void>
  /** Another Database over the same connection(s), e.g. with a logger. Its close() does nothing. */
  withOptions(options: DatabaseOptions): Database
}

/** The URL of the optional server, from `TIDEMARK_TEST_DATABASE_URL`. */
export const serverUrl: string | undefined = process.env.TIDEMARK_TEST_DATABASE_URL || undefined

/** The targets this run will use, in order. */
export const targetNames: readonly TargetName[] = serverUrl
  ? ['pglite', 'node-postgres', 'postgres-js']
  : ['pglite']

/**
 * The targets of suites about schemas (generate, pull, diff, introspection, round trips): PGlite and
 * the server through one driver. What they test sits above the driver; the driver-level suites run
 * every driver.
 */
export const schemaTargetNames: readonly TargetName[] = serverUrl ? ['pglite', 'node-postgres'] : ['pglite']

/**
 * The targets of driver-level suites (values, errors, transactions): the above, and Neon's Pool
 * through a loopback WebSocket proxy. Neon's classes are node-postgres's over a WebSocket, so the
 * suites above the driver (queries, migrations, schemas) gain nothing from a fourth run.
 */
export const driverTargetNames: readonly TargetName[] = serverUrl ? [...targetNames, 'neon'] : targetNames

/**
 * The targets of suites made of single statements (values, parameters, error text): every driver,
 * and Neon's HTTP query function, which runs statements and batches but has no interactive
 * transactions (its `transaction(fn)` refuses), so suites that open one stay on the targets above.
 */
export const statementTargetNames: readonly TargetName[] = serverUrl
  ? [...driverTargetNames, 'neon-http']
  : driverTargetNames

/** Declares `describe('<name> [<target>]')` once per target, with the database opened and closed around it. */
export function describeEachDatabase(name: string, fn: (target: Target) => void): void {
  describeEach(targetNames, name, fn)
}

/** describeEachDatabase over the schema suites' targets (PGlite and one server driver). */
export function describeEachSchemaTarget(name: string, fn: (target: Target) => void): void {
  describeEach(schemaTargetNames, name, fn)
}

/** describeEachDatabase over every driver, Neon's included. */
export function describeEachDriver(name: string, fn: (target: Target) => void): void {
  describeEach(driverTargetNames, name, fn)
}

/** describeEachDriver plus Neon's HTTP query function, for suites that never open a transaction. */
export function describeEachStatementDriver(name: string, fn: (target: Target) => void): void {
  describeEach(statementTargetNames, name, fn)
}

function describeEach(names: readonly TargetName[], name: string, fn: (target: Target) => void): void {
  for (const targetName of names) {
    const target = new LazyTarget(targetName)
    describe(`${name} [${targetName}]`, () => {
      beforeAll(() => target.open())
      afterAll(() => target.close())
      fn(target)
    })
  }
}

/** Another empty database of a target's kind, for a test that needs two at once; the caller closes it. */
export function openDatabase(name: TargetName): Promise<OpenTarget> {
  return openers[name]()
}

export interface OpenTarget {
  readonly db: Database
  exec(sql: string): Promise<void>
  withOptions(options: DatabaseOptions): Database
  close(): Promise<void>
}

class LazyTarget implements Target {
  readonly kind: 'embedded' | 'server'
  private opened: OpenTarget | undefined

  constructor(readonly name: TargetName) {
    this.kind = name === 'pglite' ? 'embedded' : 'server'
  }

  get db(): Database {
    return this.current().db
  }

  exec(sql: string): Promise<void> {
    return this.current().exec(sql)
  }

  withOptions(options: DatabaseOptions): Database {
    return this.current().withOptions(options)
  }

  async open(): Promise<void> {
    this.opened = await openers[this.name]()
  }

  async close(): Promise<void> {
    await this.opened?.close()
    this.opened = undefined
  }

  private current(): OpenTarget {
    if (!this.opened)
      throw new Error(`Target ${this.name} is not open: use it inside tests or hooks, not at collection time`)
    return this.opened
  }
}

const openers: Record<TargetName, () => Promise<OpenTarget>> = {
  pglite: async () => {
    const client = await createPGlite({ extensions: await pgliteContribExtensions() })
    return {
      db: fromPGlite(client),
      exec: async (sql) => {
        await client.exec(sql)
      },
      withOptions: (options) => unclosable(fromPGlite(client, options)),
      close: () => client.close(),
    }
  },
  'node-postgres': async () => {
    const scratch = await createScratchDatabase()
    const pool = new pg.Pool({ connectionString: scratch.url, max: 4 })
    return openPool(pool, fromNodePostgres, scratch.drop)
  },
  'postgres-js': async () => {
    const scratch = await createScratchDatabase()
    const client = postgres(scratch.url, { max: 4, onnotice: () => {} })
    return {
      db: fromPostgresJs(client),
      exec: async (sql) => {
        await client.unsafe(sql).simple()
      },
      withOptions: (options) => unclosable(fromPostgresJs(client, options)),
      close: async () => {
        await client.end()
        await scratch.drop()
      },
    }
  },
  neon: async () => {
    const scratch = await createScratchDatabase()
    const releaseProxy = await useNeonProxy(new URL(scratch.url))
    const pool = new NeonPool({ connectionString: scratch.url, max: 4 })
    return openPool(pool, fromNeonPool, async () => {
      await scratch.drop()
      await releaseProxy()
    })
  },
  'neon-http': async () => {
    const scratch = await createScratchDatabase()
    const { release } = await useNeonHttpEndpoint(new URL(scratch.url))
    const query = neon(scratch.url)
    // The HTTP function runs one statement per request; exec takes scripts, so it has a session of its own.
    const direct = new pg.Client({ connectionString: scratch.url })
    await direct.connect()
    return {
      db: fromNeonHttp(query),
      exec: async (sql) => {
        await direct.query(sql)
      },
      withOptions: (options) => unclosable(fromNeonHttp(query, options)),
      close: async () => {
        await direct.end()
        await release()
        await scratch.drop()
      },
    }
  },
}

/** A pool of node-postgres or of Neon's serverless driver, which is node-postgres over WebSocket. */
interface PgStylePool {
  on(event: 'connect', listener: (client: pg.PoolClient) => void): unknown
  query(sql: string): Promise<unknown>
  end(): Promise<void>
}

function openPool<P extends PgStylePool>(
  pool: P,
  from: (pool: P, options?: DatabaseOptions) => Database,
  drop: () => Promise<void>,
): OpenTarget {
  // pool.end() resolves before its connections have closed; dropping the database then ends one
  // still closing, and that error reaches the client, which nothing else listens to. So each
  // connection is heard, and closing waits until every one has ended before the drop.
  const ended: Promise<void>[] = []
  pool.on('connect', (client) => {
    client.on('error', () => {})
    ended.push(new Promise((resolve) => client.once('end', () => resolve())))
  })
  return {
    db: from(pool),
    exec: async (sql) => {
      await pool.query(sql)
    },
    withOptions: (options) => unclosable(from(pool, options)),
    close: async () => {
      await pool.end()
      await Promise.all(ended)
      await drop()
    },
  }
}

function unclosable(db: Database): Database {
  return { ...db, close: async () => {} }
}

/** Creates `tidemark_test_<hex>` on the server through an admin connection to the URL's own database. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!serverUrl) throw new Error('TIDEMARK_TEST_DATABASE_URL is not set')
  const name = `tidemark_test_${randomBytes(6).toString('hex')}`
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  }
}

async function withAdmin(fn: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await fn(admin)
  } finally {
    await admin.end()
  }
}
