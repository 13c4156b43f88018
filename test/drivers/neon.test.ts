import { Client, neon, Pool } from '@neondatabase/serverless'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromNeonPool } from '../../src/drivers/neon.js'
import { DatabaseError, TidemarkError } from '../../src/errors.js'
import { sql } from '../../src/sql/sql.js'
import { serverUrl } from '../support/databases.js'
import { useNeonProxy } from '../support/neon-proxy.js'

describe("fromNeonPool with Neon's HTTP query function", () => {
  it('refuses it, naming fromNeonHttp and the Pool to use instead', () => {
    // Creating the function sends nothing: it only holds the URL.
    const query = neon('postgres://user:secret@db.invalid/app')
    // @ts-expect-error the HTTP function is not a Pool or Client
    const attempt = () => fromNeonPool(query)
    expect(attempt).toThrow(TidemarkError)
    expect(attempt).toThrow(
      /HTTP query function.*fromNeonHttp\(neon\(url\)\).*new Pool\(\{ connectionString \}\)/s,
    )
  })
})

// Shared driver behaviour (every type, transactions, errors) runs on the `neon` target of
// describeEachDriver; these tests cover what only Neon's own classes can show.
describe.skipIf(!serverUrl)('fromNeonPool', () => {
  let releaseProxy: () => Promise<void> = async () => {}
  beforeAll(async () => {
    releaseProxy = await useNeonProxy(new URL(serverUrl!))
  })
  afterAll(() => releaseProxy())

  it("returns the server's text for Tidemark to decode, leaving Neon's type parsers unused", async () => {
    const pool = new Pool({ connectionString: serverUrl, max: 2 })
    const db = fromNeonPool(pool)
    try {
      const { rows } = await db.execute(
        sql`select ${'9007199254740993'}::int8 as big, ${'2024-03-01T07:04:56.123Z'}::timestamptz as at,
        ${'{"a":1}'}::jsonb as doc, ${new Uint8Array([9, 0])}::bytea as bytes`,
      )
      expect(rows).toEqual([
        {
          big: '9007199254740993',
          at: new Date('2024-03-01T07:04:56.123Z'),
          doc: { a: 1 },
          bytes: new Uint8Array([9, 0]),
        },
      ])
      // The application's own queries on the same pool keep Neon's parsing.
      const own = await pool.query('select 1::int4 as n, now() as at')
      expect(own.rows[0].n).toBe(1)
      expect(own.rows[0].at).toBeInstanceOf(Date)
    } finally {
      await db.close()
    }
  })

  it('maps server errors to DatabaseError', async () => {
    const db = fromNeonPool(new Pool({ connectionString: serverUrl, max: 1 }))
    try {
      const error = await db.execute(sql`select ${'x'}::int4`).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DatabaseError)
      expect(error).toMatchObject({ code: '22P02', kind: 'invalid_text_representation' })
    } finally {
      await db.close()
    }
  })

  it('runs transactions and savepoints on a single Client, and close() ends it', async () => {
    const client = new Client({ connectionString: serverUrl })
    await client.connect()
    const db = fromNeonPool(client)
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

  it('releases a PoolClient back to its pool on close()', async () => {
    const pool = new Pool({ connectionString: serverUrl, max: 1 })
    try {
      const db = fromNeonPool(await pool.connect())
      await db.execute(sql`select 1`)
      await db.close()
      expect(pool.idleCount).toBe(1)
      expect((await pool.query('select 2 as n')).rows).toEqual([{ n: 2 }])
    } finally {
      await pool.end()
    }
  })
})
