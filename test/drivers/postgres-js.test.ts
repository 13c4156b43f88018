import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { fromPostgresJs } from '../../src/drivers/postgres-js.js'
import { sql } from '../../src/sql/sql.js'
import { serverUrl } from '../support/databases.js'

describe.skipIf(!serverUrl)('fromPostgresJs', () => {
  it("leaves the application's own postgres.js queries unchanged", async () => {
    const client = postgres(serverUrl!, { max: 2, onnotice: () => {} })
    try {
      fromPostgresJs(client)
      fromPostgresJs(client) // wrapping the serializers twice must be harmless
      const date = new Date('2024-03-01T07:04:56.123Z')
      const [row] =
        await client`select ${true}::bool as flag, ${date}::timestamptz as at, ${client.json({ a: 1 })}::jsonb as doc,
        ${Buffer.from([1, 2])}::bytea as bytes`
      expect(row).toEqual({ flag: true, at: date, doc: { a: 1 }, bytes: Buffer.from([1, 2]) })
    } finally {
      await client.end()
    }
  })

  it('sends text parameters untouched where postgres.js would re-serialize them', async () => {
    const client = postgres(serverUrl!, { max: 2, onnotice: () => {} })
    const db = fromPostgresJs(client)
    try {
      const { rows } = await db.execute(
        sql`select ${true}::bool as flag, ${'{"a":1}'}::text::jsonb as doc, ${new Uint8Array([9])}::bytea as bytes`,
      )
      expect(rows).toEqual([{ flag: true, doc: { a: 1 }, bytes: new Uint8Array([9]) }])
    } finally {
      await db.close()
    }
  })

  it('keeps the transaction alive when a failure inside it is caught in a nested transaction', async () => {
    const client = postgres(serverUrl!, { max: 1, onnotice: () => {} })
    const db = fromPostgresJs(client)
    try {
      const total = await db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table scratch (n int4 primary key)`)
        await tx.execute(sql`insert into scratch values (1)`)
        await tx.transaction((inner) => inner.execute(sql`insert into scratch values (1)`)).catch(() => {})
        return (await tx.execute(sql`select count(*)::int4 as n from scratch`)).rows
      })
      expect(total).toEqual([{ n: 1 }])
      // The reserved connection went back to the pool: with max 1, this would hang otherwise.
      expect((await db.execute(sql`select 1::int4 as one`)).rows).toEqual([{ one: 1 }])
    } finally {
      await db.close()
    }
  })
})
