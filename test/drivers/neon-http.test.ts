import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { neon, Pool } from '@neondatabase/serverless'
import pg from 'pg'
import { count, DatabaseError, desc, eq, type QueryEvent, sql, TidemarkError } from 'tidemark'
import { fromNeonHttp, type NeonHttpDatabase } from 'tidemark/neon'
import { fromNodePostgres } from 'tidemark/node-postgres'
import { integer, renderCreate, serial, table, text, toModel } from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScratchDatabase, serverUrl } from '../support/databases.js'
import { declareColumnRoundTrips, everyTypeStatements } from '../support/every-column-type.js'
import { type NeonHttpEndpoint, useNeonHttpEndpoint } from '../support/neon-http-endpoint.js'

const accounts = table('accounts', {
  id: integer().primaryKey(),
  owner: text().notNull().unique(),
  balance: integer().notNull(),
})
const authors = table('authors', { id: serial().primaryKey(), name: text().notNull() })
const books = table('books', {
  id: serial().primaryKey(),
  authorId: integer('author_id')
    .notNull()
    .references(() => authors.id),
  title: text().notNull(),
})
const schema = { accounts, authors, books }

describe("fromNeonHttp without a request (Neon's HTTP query function)", () => {
  // Creating the function sends nothing: it only holds the URL.
  const offline = () => fromNeonHttp(neon('postgres://user:secret@db.invalid/app'))

  it('refuses an interactive transaction, naming batch and the Pool', async () => {
    const attempt = offline().transaction(async () => 'never runs')
    await expect(attempt).rejects.toThrow(TidemarkError)
    await expect(attempt).rejects.toThrow(/db\.batch\(\[\.\.\.\]\).*fromNeonPool\(new Pool/s)
  })

  it('refuses a Pool, pointing to fromNeonPool', () => {
    const pool = new Pool({ connectionString: 'postgres://user:secret@db.invalid/app' })
    // @ts-expect-error a Pool is not the HTTP query function
    expect(() => fromNeonHttp(pool)).toThrow(/neon\(url\).*fromNeonPool\(\)/s)
  })

  it('checks batch options and items before sending anything', async () => {
    const db = offline()
    // @ts-expect-error not an isolation level
    await expect(db.batch([sql`select 1`], { isolationLevel: 'snapshot' })).rejects.toThrow(
      /Unknown transaction isolationLevel "snapshot"; expected one of read committed, repeatable read, serializable/,
    )
    // @ts-expect-error a string is not a query
    await expect(db.batch(['select 1'])).rejects.toThrow(/batch\(\) item 0 is not a query/)
    await expect(db.batch([db.update(accounts).set({ balance: 0 })])).rejects.toThrow(/where/)
    expect(await db.batch([])).toEqual([])
  })
})

// Neon's HTTP function, run for real on the local server through a loopback stand-in for Neon's
// SQL-over-HTTP endpoint. Shared single-statement suites (parameters, hostile text, error text) run
// on it too, as the `neon-http` target of describeEachStatementDriver.
describe.skipIf(!serverUrl)('fromNeonHttp', () => {
  let scratch: { url: string; drop: () => Promise<void> }
  let endpoint: NeonHttpEndpoint
  let release: () => Promise<void> = async () => {}
  let db: NeonHttpDatabase<import('tidemark').RelationalQueries<typeof schema, {}>>
  let direct: pg.Pool

  beforeAll(async () => {
    scratch = await createScratchDatabase()
    ;({ endpoint, release } = await useNeonHttpEndpoint(new URL(scratch.url)))
    db = fromNeonHttp(neon(scratch.url), { schema })
    direct = new pg.Pool({ connectionString: scratch.url, max: 2 })
    // DDL over HTTP too: a batch is one transaction, so the schema appears whole or not at all.
    await db.batch([...renderCreate(toModel(schema)), ...everyTypeStatements()].map((ddl) => sql.raw(ddl)))
  })
  afterAll(async () => {
    await direct?.end()
    await release()
    await scratch?.drop()
  })

  it("runs the README's example as written", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .find((text) => text.includes('fromNeonHttp(neon('))
    expect(block).toBeDefined()
    const own = await createScratchDatabase()
    const previousUrl = process.env.DATABASE_URL
    try {
      const setup = new pg.Client({ connectionString: own.url })
      await setup.connect()
      await setup.query(`create table accounts (id int4 primary key, owner text not null, balance int4 not null);
        insert into accounts values (1, 'ada', 100), (2, 'grace', 50)`)
      await setup.end()
      process.env.DATABASE_URL = own.url
      const dir = new URL('../.readme/', import.meta.url)
      mkdirSync(dir, { recursive: true })
      writeFileSync(new URL('neon-http.ts', dir), `${block}\nexport const result = { ada, balances }\n`)
      const { result } = (await import(new URL('neon-http.ts', dir).href)) as { result: unknown }
      expect(result).toEqual({
        ada: { id: 1, owner: 'ada', balance: 100 },
        balances: [
          { id: 1, balance: 90 },
          { id: 2, balance: 60 },
        ],
      })
    } finally {
      if (previousUrl === undefined) delete process.env.DATABASE_URL
      else process.env.DATABASE_URL = previousUrl
      await own.drop()
    }
  })

  it("answers the driver's own defaults too: object rows, parsed by Neon's type parsers", async () => {
    const query = neon(scratch.url)
    expect(await query`select ${2}::int4 as n, ${'x'} as s, null::text as none`).toEqual([
      { n: 2, s: 'x', none: null },
    ])
    const [first, second] = await query.transaction([query`select 1::int4 as a`, query`select true as b`])
    expect([first, second]).toEqual([[{ a: 1 }], [{ b: true }]])
  })

  describe('every column type round-trips over HTTP', () => {
    declareColumnRoundTrips(() => db)
  })

  it("decodes every type by its OID exactly as node-postgres's results are decoded", async () => {
    const query = sql`select true as bool, ${'-32768'}::int2 as int2, ${'2147483647'}::int4 as int4,
      ${'9223372036854775807'}::int8 as int8, 4294967295::oid as oid, ${'1.5'}::float4 as float4,
      'NaN'::float8 as nan, '-Infinity'::float8 as minus_infinity, ${'123456789012345678901234567890.5'}::numeric as numeric,
      ${'{"a":[1,"x",null]}'}::json as json, ${'{"b": true}'}::jsonb as jsonb,
      '2024-02-29 12:34:56.789'::timestamp as ts, '2024-02-29 12:34:56.789+05:30'::timestamptz as tstz,
      'infinity'::timestamptz as ts_infinity, '0044-03-15 BC'::date as date, ${new Uint8Array([0, 92, 255])}::bytea as bytea,
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as uuid, '1 day 02:03:04'::interval as interval,
      '23:59:59.999999'::time as time, '2001:db8::1/64'::inet as inet, 'sad'::mood as mood, '(1.5,-2)'::point as point,
      ${'{1,NULL,3}'}::int4[] as int4s, ${'{"a\\"b","c\\\\d",NULL,"NULL"}'}::text[] as texts,
      array['{"x":1}'::jsonb, 'null'::jsonb] as jsonbs, array['\\x0102'::bytea] as byteas,
      array['2024-01-01 00:00:00+00'::timestamptz, null] as stamps, array[array[true, false], array[null, true]] as grid,
      null::text as nothing, ${''}::text as empty, ${'héllo ☃ 𝄞'}::text as unicode`
    const overHttp = await db.execute(query)
    const reference = await fromNodePostgres(direct).execute(query)
    expect(overHttp.rows).toEqual(reference.rows)
    expect(overHttp.fields).toEqual(reference.fields)
    expect(overHttp.rows[0]).toMatchObject({
      int8: '9223372036854775807',
      nan: Number.NaN,
      tstz: new Date('2024-02-29T07:04:56.789Z'),
      bytea: new Uint8Array([0, 92, 255]),
      texts: ['a"b', 'c\\d', null, 'NULL'],
      grid: [
        [true, false],
        [null, true],
      ],
      nothing: null,
    })
  })

  it('runs typed builders, reports row counts and command results', async () => {
    const inserted = await db
      .insert(accounts)
      .values([
        { id: 1, owner: 'ada', balance: 100 },
        { id: 2, owner: 'grace', balance: 50 },
      ])
      .returning({ id: accounts.id })
    expect(inserted).toEqual([{ id: 1 }, { id: 2 }])
    expect(await db.update(accounts).set({ balance: 60 }).where(eq(accounts.id, 2))).toEqual({ rowCount: 1 })
    expect(await db.select({ n: count() }).from(accounts)).toEqual([{ n: 2 }])
  })

  describe('errors', () => {
    it('maps a failed statement to DatabaseError with the fields the endpoint reports', async () => {
      const error = (await db
        .execute(sql`insert into accounts values (3, ${'ada'}, 1)`)
        .catch((e: unknown) => e)) as DatabaseError
      expect(error).toBeInstanceOf(DatabaseError)
      expect(error).toMatchObject({
        code: '23505',
        kind: 'unique_violation',
        constraint: 'accounts_owner_key',
        table: 'accounts',
        schema: 'public',
        severity: 'ERROR',
        query: 'insert into accounts values (3, $1, 1)',
      })
      expect(error.detail).toBe('Key (owner)=([redacted]) already exists.')
      expect(error.unredacted().detail).toBe('Key (owner)=(ada) already exists.')
      // The driver's own error (the cause) is redacted too.
      expect(inspect(error, { depth: 10, showHidden: true })).not.toContain('(ada)')
      expect(JSON.stringify(error)).not.toContain('(ada)')
      const syntax = await db.execute(sql`select from from accounts`).catch((e: unknown) => e)
      expect(syntax).toMatchObject({ code: '42601', kind: 'syntax_error', position: 13 })
    })

    it('refuses several statements in one request, as Neon runs each as a prepared statement', async () => {
      const error = await db.execute(sql`select 1; select 2`).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DatabaseError)
      expect(error).toMatchObject({ code: '42601', message: expect.stringMatching(/multiple commands/) })
    })
  })

  describe('batch', () => {
    it('runs builders and sql fragments in one request and one transaction, each result typed as on its own', async () => {
      const before = endpoint.requests
      const results = await db.batch([
        db
          .update(accounts)
          .set({ balance: sql`${accounts.balance} - ${10}` })
          .where(eq(accounts.id, 1)),
        db
          .update(accounts)
          .set({ balance: sql`${accounts.balance} + ${10}` })
          .where(eq(accounts.id, 2)),
        db.select({ id: accounts.id, balance: accounts.balance }).from(accounts).orderBy(accounts.id),
        sql`select txid_current() as tx`,
        sql`select txid_current() as tx`,
      ])
      expect(endpoint.requests - before).toBe(1)
      const [debit, credit, balances, first, second] = results
      expect(debit).toEqual({ rowCount: 1 })
      expect(credit).toEqual({ rowCount: 1 })
      expect(balances).toEqual([
        { id: 1, balance: 90 },
        { id: 2, balance: 70 },
      ])
      // One transaction: both statements saw the same transaction id.
      expect(first.rows).toEqual(second.rows)
      expect(first.fields).toEqual([{ name: 'tx', typeOid: 20 }])
    })

    it('rolls back every statement when one fails, and throws its DatabaseError', async () => {
      const error = await db
        .batch([
          db.insert(accounts).values({ id: 10, owner: 'linus', balance: 1 }),
          db.update(accounts).set({ balance: 0 }).where(eq(accounts.id, 1)),
          db.insert(accounts).values({ id: 11, owner: 'ada', balance: 1 }),
        ])
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DatabaseError)
      expect(error).toMatchObject({ code: '23505', detail: 'Key (owner)=([redacted]) already exists.' })
      expect(await db.select().from(accounts).orderBy(accounts.id)).toEqual([
        { id: 1, owner: 'ada', balance: 90 },
        { id: 2, owner: 'grace', balance: 70 },
      ])
    })

    it('sets the isolation level and access mode of its transaction', async () => {
      const [isolation, readOnly] = await db.batch(
        [sql`show transaction_isolation`, sql`show transaction_read_only`],
        { isolationLevel: 'serializable', accessMode: 'read only' },
      )
      expect(isolation.rows).toEqual([{ transaction_isolation: 'serializable' }])
      expect(readOnly.rows).toEqual([{ transaction_read_only: 'on' }])
      const refused = await db
        .batch([db.delete(accounts).where(eq(accounts.id, 1))], { accessMode: 'read only' })
        .catch((e: unknown) => e)
      expect(refused).toMatchObject({ code: '25006' })
      const [defaults] = await db.batch([sql`show transaction_isolation`])
      expect(defaults.rows).toEqual([{ transaction_isolation: 'read committed' }])
    })

    it('logs each statement of the batch', async () => {
      const events: QueryEvent[] = []
      const logged = fromNeonHttp(neon(scratch.url), { logger: (event) => events.push(event) })
      await logged.batch([sql`select ${1}::int4 as a`, logged.select().from(accounts)])
      expect(events.map(({ sql, params, rowCount }) => ({ sql, params, rowCount }))).toEqual([
        { sql: 'select $1::int4 as a', params: ['1'], rowCount: 1 },
        {
          sql: 'select "accounts"."id", "accounts"."owner", "accounts"."balance" from "public"."accounts"',
          params: [],
          rowCount: 2,
        },
      ])
    })
  })

  describe('relational queries', () => {
    beforeAll(async () => {
      await db.batch([
        db.insert(authors).values([{ name: 'Le Guin' }, { name: 'Butler' }]),
        db.insert(books).values([
          { authorId: 1, title: 'The Dispossessed' },
          { authorId: 1, title: 'The Lathe of Heaven' },
          { authorId: 2, title: 'Kindred' },
        ]),
      ])
    })

    it('reads nested relations in one request', async () => {
      const before = endpoint.requests
      const rows = await db.query.authors.findMany({
        columns: { name: true },
        orderBy: authors.id,
        with: { books: { columns: { title: true }, orderBy: desc(books.title) } },
      })
      expect(endpoint.requests - before).toBe(1)
      expect(rows).toEqual([
        { name: 'Le Guin', books: [{ title: 'The Lathe of Heaven' }, { title: 'The Dispossessed' }] },
        { name: 'Butler', books: [{ title: 'Kindred' }] },
      ])
    })

    it('runs inside a batch, seeing the batch’s earlier writes', async () => {
      const [, butler] = await db.batch([
        db.insert(books).values({ authorId: 2, title: 'Parable of the Sower' }),
        db.query.authors.findFirst({ where: eq(authors.name, 'Butler'), with: { books: true } }),
      ])
      expect(butler?.books.map((book) => book.title).sort()).toEqual(['Kindred', 'Parable of the Sower'])
    })
  })
})
