import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite, type PGliteInterface } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/database/database.js'
import { fromPGlite } from '../../src/drivers/pglite.js'
import { DatabaseError, TidemarkError } from '../../src/errors.js'
import { sql } from '../../src/sql/sql.js'

/**
 * fromPGlite writes the extended-protocol messages itself and reads PGlite's raw response. These
 * tests hold that path to what PGlite's own query() gives (the adapter's fallback for instances
 * without the protocol entry point), on the same real instance.
 */
describe('fromPGlite over the protocol entry point', () => {
  let client: PGlite
  let db: Database
  let viaQuery: Database

  beforeAll(async () => {
    client = await PGlite.create()
    db = fromPGlite(client)
    // The same instance seen through the public interface only, as a PGliteWorker would be:
    // the adapter cannot reach the protocol entry point and uses query().
    viaQuery = fromPGlite(publicOnly(client))
    await db.execute(sql`create table notes (id int4 primary key, body text, tags text[], meta jsonb)`)
  })
  afterAll(() => client.close())

  it('returns the same text and the same decoded values as the query() path', async () => {
    const query = sql`select 1::int2 as a, 2::int4 as b, 3::int8 as c, 1.5::numeric(4, 2) as d, 2.5::float8 as e,
      true as f, 'x'::text as g, ${'héllo wörld ✓ 𝄞'}::text as h, '\\x00ff'::bytea as i,
      '2024-01-02 03:04:05.123456+00'::timestamptz as j, '2024-01-02'::date as k, array[1, null, 3]::int4[] as l,
      '{"a": [1, {"b": null}]}'::jsonb as m, null::text as n, gen_random_uuid() is not null as o,
      ${'a'.repeat(40)} as p, '' as q, interval '1 day 02:03:04' as r, point(1, 2) as s`
    const wire = await db.execute(query)
    const fallback = await viaQuery.execute(query)
    expect(wire.rows).toEqual(fallback.rows)
    expect(wire.fields).toEqual(fallback.fields)
    expect(wire.rows[0]).toMatchObject({ c: '3', d: '1.50', h: 'héllo wörld ✓ 𝄞', l: [1, null, 3], q: '' })
  })

  it('keeps a leading byte order mark in values and names', async () => {
    const { rows } = await db.execute(sql`select ${'\uFEFFbom'}::text as "\uFEFFcol", chr(65279) || 'x' as v`)
    expect(rows).toEqual([{ '\uFEFFcol': '\uFEFFbom', v: '\uFEFFx' }])
  })

  it('reports the rows each command affected or returned', async () => {
    const inserted = await db.execute(sql`insert into notes (id, body) values (1, 'a'), (2, 'b'), (3, 'c')`)
    const updated = await db.execute(sql`update notes set body = body || '!' where id > 1`)
    const selected = await db.execute(sql`select * from notes`)
    const deleted = await db.execute(sql`delete from notes where id = 3 returning id`)
    const created = await db.execute(sql`create table counted (n int4)`)
    expect([inserted.rowCount, updated.rowCount, selected.rowCount, deleted.rowCount]).toEqual([3, 2, 3, 1])
    expect(deleted.rows).toEqual([{ id: 3 }])
    expect(created.rowCount).toBe(null)
    expect(created.rows).toEqual([])
  })

  it('reads responses larger than one chunk of PGlite’s output', async () => {
    const big = 'é'.repeat(1_500_000)
    const [one] = (await db.execute<{ v: string }>(sql`select ${big}::text as v`)).rows
    expect(one!.v).toBe(big)
    const { rows } = await db.execute<{ n: number; s: string }>(
      sql`select n, repeat('x', n % 50) as s from generate_series(1, 40000) as n`,
    )
    expect(rows).toHaveLength(40_000)
    expect(rows[39_999]).toEqual({ n: 40_000, s: 'x'.repeat(0) })
    expect(rows[48]).toEqual({ n: 49, s: 'x'.repeat(49) })
  })

  it('raises the server’s error with its fields, the position counted in characters (24, not the 28th byte)', async () => {
    const error = await db.execute(sql`select 'ünïcödé' as a, nosuchcolumn from notes`).catch((e) => e)
    expect(error).toBeInstanceOf(DatabaseError)
    expect(error).toMatchObject({ code: '42703', severity: 'ERROR', position: 24 })
    expect(error.message).toContain('nosuchcolumn')
    const duplicate = await db.execute(sql`insert into notes (id, body) values (1, 'again')`).catch((e) => e)
    expect(duplicate).toMatchObject({ code: '23505', constraint: 'notes_pkey', table: 'notes' })
    // The instance is usable afterwards: the failed statement's implicit transaction ended.
    expect((await db.execute(sql`select count(*)::int4 as n from notes`)).rows).toEqual([{ n: 2 }])
  })

  it('rolls back a transaction whose statement failed, and commits one that succeeded', async () => {
    const failed = db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (id, body) values (10, 'kept?')`)
      await tx.execute(sql`insert into notes (id, body) values (10, 'duplicate')`)
    })
    await expect(failed).rejects.toMatchObject({ code: '23505' })
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (id, body) values (11, 'committed')`)
    })
    const { rows } = await db.execute(sql`select id from notes where id >= 10 order by id`)
    expect(rows).toEqual([{ id: 11 }])
  })

  it('refuses a transaction object used after its transaction ended', async () => {
    let escaped: Database | undefined
    await db.transaction(async (tx) => {
      escaped = tx as unknown as Database
    })
    await expect(escaped!.execute(sql`select 1`)).rejects.toThrow()
  })

  it('delivers notifications to listen() once, from a statement and from a transaction', async () => {
    const received: string[] = []
    const unlisten = await client.listen('wire_channel', (payload) => received.push(payload))
    await db.execute(sql`select pg_notify('wire_channel', 'outside')`)
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_notify('wire_channel', 'inside')`)
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    await unlisten()
    expect(received.sort()).toEqual(['inside', 'outside'])
  })

  it('refuses SQL text with a NUL, which would end the statement early', async () => {
    // Below the database layer (which refuses it first), so that no path sends a cut statement.
    const { extendedQueryMessages } = await import('../../src/drivers/wire-messages.js')
    expect(() => extendedQueryMessages("select 'a\0b'", [])).toThrow(TidemarkError)
    expect(() => extendedQueryMessages("select 'a\0b'", [])).toThrow(/NUL/)
  })

  it('refuses more parameters than the protocol can count', async () => {
    const values = Array.from({ length: 65_536 }, (_, index) => sql`${String(index)}`)
    await expect(db.execute(sql`select ${sql.join(values)}`)).rejects.toThrow(/at most 65535/)
  })

  it('writes through to a data directory on disk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-wire-'))
    try {
      // Seeded from the running instance's files, which skips a second initdb.
      const first = await PGlite.create({ dataDir, loadDataDir: await client.dumpDataDir('none') })
      await fromPGlite(first).execute(sql`create table kept (v text)`)
      await fromPGlite(first).execute(sql`insert into kept values ('on disk')`)
      await first.close()
      const second = await PGlite.create({ dataDir })
      const { rows } = await fromPGlite(second).execute(sql`select v from kept`)
      await second.close()
      expect(rows).toEqual([{ v: 'on disk' }])
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

/** The instance behind its documented interface only: no protocol entry point, no locks. */
function publicOnly(client: PGlite): PGliteInterface {
  return {
    get waitReady() {
      return client.waitReady
    },
    get parsers() {
      return client.parsers
    },
    get closed() {
      return client.closed
    },
    query: (...args: Parameters<PGlite['query']>) => client.query(...args),
    transaction: (fn: Parameters<PGlite['transaction']>[0]) => client.transaction(fn),
    close: () => client.close(),
  } as unknown as PGliteInterface
}
