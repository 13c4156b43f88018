import type { Database } from '../database/database.js'
import { MissingPackageError } from './missing-package-error.js'

/**
 * Opens a PostgreSQL server URL with whichever driver the project has installed: node-postgres
 * (`pg`) first, then postgres.js. Both are optional peers, so they are imported only here, on demand.
 */
export async function openDatabaseUrl(url: string): Promise<Database> {
  const pg = await importOptional<typeof import('pg')>('pg')
  if (pg !== undefined) {
    const { fromNodePostgres } = await import('./node-postgres.js')
    const Pool = pg.Pool ?? (pg as unknown as { default: typeof import('pg') }).default.Pool
    // A host that drops packets would otherwise make a command wait forever.
    const pool = new Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 15_000 })
    // An idle connection the server ends (a restart, a dropped scratch database) is an 'error' event
    // on the pool; unheard, it would crash the process. The pool discards that connection by itself.
    pool.on('error', () => {})
    // pool.end() resolves before each connection has closed; a connection still closing that the
    // server ends (dropping a shadow database right after) reports to its client, not the pool.
    pool.on('connect', (client) => client.on('error', () => {}))
    return fromNodePostgres(pool)
  }
  const postgres = await importOptional<{ default: typeof import('postgres') }>('postgres')
  if (postgres !== undefined) {
    const { fromPostgresJs } = await import('./postgres-js.js')
    return fromPostgresJs(postgres.default(url, { max: 4, onnotice: () => {} }))
  }
  throw new MissingPackageError(
    'pg',
    'No PostgreSQL driver is installed to connect to a database URL. Install one: npm i pg (or postgres).',
  )
}

async function importOptional<T>(name: string): Promise<T | undefined> {
  try {
    return (await import(name)) as T
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return undefined
    throw error
  }
}
