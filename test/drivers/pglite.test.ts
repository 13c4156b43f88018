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
