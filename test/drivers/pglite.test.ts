import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/database/database.js'
import { fromPGlite } from '../../src/drivers/pglite.js'
import { sql } from '../../src/sql/sql.js'

describe('fromPGlite', () => {
  let client: PGlite
  let db: Database

  beforeAll(async () => {
    client = await PGlite.create()
    db = fromPGlite(client)
  })
  afterAll(() => client.close())

  it('returns the text of types PGlite learns after start-up (enum arrays)', async () => {
    await db.execute(sql`create type colour as enum ('red', 'green')`)
    await client.refreshArrayTypes()
    const { rows } = await db.execute(sql`select array['red', 'green']::colour[] as v, 'red'::colour as c`)
    expect(rows).toEqual([{ v: '{red,green}', c: 'red' }])
  })

  it('returns text on the first query of an instance that is still starting', async () => {
    // PGlite learns its array types while it starts, after fromPGlite was called.
    const query = sql`select array[1, 2]::int4[] as ints, array['2024-01-02 03:04:05.123456']::timestamp[] as stamps`
    const starting = new PGlite()
    try {
      const { rows } = await fromPGlite(starting).execute(query)
      expect(rows).toEqual((await db.execute(query)).rows)
      expect(rows).toEqual([{ ints: [1, 2], stamps: [new Date('2024-01-02T03:04:05.123Z')] }])
    } finally {
      await starting.close()
    }
  })

  it('makes queries from outside a transaction wait for it, since PGlite has one connection', async () => {
    await db.execute(sql`create table waits (n int4)`)
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`insert into waits values (1)`)
      await gate
    })
    const outside = db.execute(sql`select count(*)::int4 as n from waits`)
    release()
    await transaction
    expect((await outside).rows).toEqual([{ n: 1 }])
  })

  it('closes the PGlite instance', async () => {
    const own = await PGlite.create()
    await fromPGlite(own).close()
    expect(own.closed).toBe(true)
  })
})
