/**
 * A Database over exactly one connection, on every target: what a test needs to see the session the
 * runner used (through a pool it could be any connection). PGlite has only one; on a server, a pool
 * of one connection on a scratch database of its own.
 */
import pg from 'pg'
import postgres from 'postgres'
import type { Database, DatabaseOptions } from '../../../src/database/database.js'
import { fromNodePostgres } from '../../../src/drivers/node-postgres.js'
import { fromPGlite } from '../../../src/drivers/pglite.js'
import { fromPostgresJs } from '../../../src/drivers/postgres-js.js'
import { createScratchDatabase, type TargetName } from '../../support/databases.js'
import { createPGlite } from '../../support/pglite.js'

export interface SingleConnection {
  readonly db: Database
  close(): Promise<void>
}

export async function openSingleConnection(
  target: TargetName,
  options: DatabaseOptions = {},
): Promise<SingleConnection> {
  if (target === 'pglite') {
    const client = await createPGlite()
    return { db: fromPGlite(client, options), close: () => client.close() }
  }
  const scratch = await createScratchDatabase()
  if (target === 'node-postgres') {
    const pool = new pg.Pool({ connectionString: scratch.url, max: 1 })
    return {
      db: fromNodePostgres(pool, options),
      close: async () => {
        await pool.end()
        await scratch.drop()
      },
    }
  }
  const client = postgres(scratch.url, { max: 1, onnotice: () => {} })
  return {
    db: fromPostgresJs(client, options),
    close: async () => {
      await client.end()
      await scratch.drop()
    },
  }
}
