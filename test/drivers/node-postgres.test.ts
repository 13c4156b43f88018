import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { fromNodePostgres } from '../../src/drivers/node-postgres.js'
import { DatabaseError } from '../../src/errors.js'
import { sql } from '../../src/sql/sql.js'
import { serverUrl } from '../support/databases.js'

/** A stand-in pool whose client fails the statements listed in `failing`. */
function fakePool(failing: Record<string, unknown>) {
  const statements: string[] = []
  const releases: unknown[] = []
  const client = {
    query: async (config: { text: string }) => {
      statements.push(config.text)
      if (config.text in failing) throw failing[config.text]
      return { fields: [], rows: [], rowCount: 0, command: config.text }
    },
    release: (error?: unknown) => {
      releases.push(error)
    },
  }
  const pool = { totalCount: 0, connect: async () => client, end: async () => {} }
  return { pool: pool as unknown as pg.Pool, statements, releases }
}

describe('fromNodePostgres with a pool', () => {
  it('returns the client to the pool after commit and after rollback', async () => {
    const { pool, statements, releases } = fakePool({})
    const db = fromNodePostgres(pool)
    await db.transaction((tx) => tx.execute(sql`select 1`))
    await expect(
      db.transaction(async () => {
        throw new Error('undo')
      }),
    ).rejects.toThrow('undo')
    expect(statements).toEqual(['BEGIN', 'select 1', 'COMMIT', 'BEGIN', 'ROLLBACK'])
    expect(releases).toEqual([undefined, undefined])
  })

  it('destroys the client when ROLLBACK fails, still throwing the original error', async () => {
    const { pool, releases } = fakePool({ ROLLBACK: new Error('connection lost') })
    const failure = new Error('the real problem')
    await expect(
      fromNodePostgres(pool).transaction(async () => {
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(releases).toHaveLength(1)
    expect(releases[0]).toBeInstanceOf(Error)
    expect((releases[0] as Error).message).toBe('connection lost')
  })

  it('destroys the client when COMMIT fails', async () => {
    const { pool, releases } = fakePool({
      COMMIT: Object.assign(new Error('could not serialize'), { code: '40001' }),
    })
    const error = await fromNodePostgres(pool)
      .transaction(async () => {})
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseError)
    expect(error).toMatchObject({ kind: 'serialization_failure', query: 'COMMIT' })
    expect(releases[0]).toBeInstanceOf(Error)
  })
})

describe.skipIf(!serverUrl)('fromNodePostgres with a single client', () => {
  it('runs queries and transactions on that client, and close() ends it', async () => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    const db = fromNodePostgres(client)
    const inside = await db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table scratch (n int4)`)
      await tx.execute(sql`insert into scratch values (${1}), (${2})`)
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into scratch values (${3})`)
          throw new Error('undo 3')
        })
        .catch(() => {})
      return (await tx.execute(sql`select sum(n)::int4 as total from scratch`)).rows
    })
    expect(inside).toEqual([{ total: 3 }])
    await db.close()
    await expect(client.query('select 1')).rejects.toThrow()
  })
})
