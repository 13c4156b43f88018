import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { type Database, sql, type Transaction } from 'tidemark'
import { fromNodePostgres } from 'tidemark/node-postgres'
import { fromPGlite } from 'tidemark/pglite'

/**
 * The app's database: the PostgreSQL server at DATABASE_URL when it is set, else the embedded PGlite
 * database that `tidemark migrate` keeps in .tidemark/pglite. Opened once per server process.
 */
function open(): Promise<Database> {
  const url = process.env.DATABASE_URL
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 5 })
    // An idle connection the server closes (a restart, a failover) is an error event on the pool;
    // unheard, it would end the process. The pool replaces that connection by itself.
    pool.on('error', (error) => console.error('An idle database connection failed:', error.message))
    return Promise.resolve(fromNodePostgres(pool))
  }
  return PGlite.create('.tidemark/pglite').then((client) => fromPGlite(client))
}

// Kept on globalThis so that development reloads do not open a second database.
const holder = globalThis as typeof globalThis & { tidemarkDatabase?: Promise<Database> }

export function database(): Promise<Database> {
  holder.tidemarkDatabase ??= open().catch((error: unknown) => {
    // Not kept: the next request tries again (the server may be back, PGlite's folder free).
    holder.tidemarkDatabase = undefined
    throw error
  })
  return holder.tidemarkDatabase
}

export async function closeDatabase(): Promise<void> {
  const db = holder.tidemarkDatabase
  holder.tidemarkDatabase = undefined
  await (await db)?.close()
}

/**
 * Runs `work` as the signed-in user: in a transaction, as the role `app_user` (not the owner of the
 * tables, so row-level security applies) with `app.user_id` set. Both end with the transaction, so
 * a pooled connection never carries one user's identity into the next request.
 */
export async function asUser<T>(userId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const db = await database()
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role app_user`)
    await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`)
    return work(tx)
  })
}
