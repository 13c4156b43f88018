import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import pg from 'pg'
import { renderCreate, toModel } from 'tidemark/pg'
import { afterAll, expect, it, vi } from 'vitest'
import { createScratchDatabase, serverUrl } from './support/databases.js'

// The README's TypeScript examples, run as written: the schema block becomes a module, the model,
// SQL and error blocks run against it in one PGlite database.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!)
const find = (marker: string): string => {
  const block = blocks.find((b) => b.includes(marker))
  if (block === undefined) throw new Error(`README has no ts block containing ${marker}`)
  return block
}

const dir = new URL('./.readme/', import.meta.url)
mkdirSync(dir, { recursive: true })
const log = vi.spyOn(console, 'log').mockImplementation(() => {})
afterAll(() => log.mockRestore())

it('runs the README examples as written', async () => {
  writeFileSync(new URL('schema.ts', dir), find("export const plan = enumType('plan'"))
  const running = find(`const email = "o'brien@example.com"`).replace('await db.close()', '')
  const main = [
    find('toModel(schema)'),
    running,
    'for (const statement of statements) await db.execute(sql.raw(statement))',
    "await db.execute(sql`insert into users (email) values ('ada@example.com')`)",
    find('error instanceof DatabaseError'),
    find("from './schema.js'\n\nconst [grace]"),
    'export const result = rows',
    'export const queried = perUser',
    'await db.close()',
  ].join('\n')
  writeFileSync(new URL('main.ts', dir), main)
  const module = (await import(new URL('main.ts', dir).href)) as { result: unknown; queried: unknown }
  expect(module.result).toEqual([{ id: 1, email: "o'brien@example.com" }])
  expect(module.queried).toEqual([
    { email: 'grace@example.com', devices: 2 },
    { email: 'ada@example.com', devices: 0 },
  ])
  expect(log).toHaveBeenCalledWith('already taken (users_email_key)')
  expect(log).toHaveBeenCalledWith('Key (email)=([redacted]) already exists.')

  // The relational block runs on a client holding the schema and a few rows.
  const relational = [
    "import { PGlite } from '@electric-sql/pglite'",
    "import { renderCreate as createStatements, toModel as modelOf } from 'tidemark/pg'",
    "import * as tables from './schema.js'",
    'const client = new PGlite()',
    'for (const statement of createStatements(modelOf(tables))) await client.exec(statement)',
    `await client.exec(\`insert into users (email, plan) values ('ada@example.com', 'free'), ('grace@example.com', 'pro');
      insert into devices (user_id, last_seen_at) select id, null from users where email = 'grace@example.com';
      insert into devices (user_id, last_seen_at) select id, '2024-05-01 10:00+00' from users where email = 'grace@example.com';
      insert into auth.sessions (user_id, revoked) select id, false from users where email = 'ada@example.com';
      insert into auth.sessions (user_id, revoked) select id, true from users where email = 'grace@example.com'\`)`,
    find('app.query.users.findMany'),
    'export const result = people',
    'await client.close()',
  ].join('\n')
  writeFileSync(new URL('relational.ts', dir), relational)
  const nested = (await import(new URL('relational.ts', dir).href)) as { result: unknown }
  expect(nested.result).toEqual([
    { email: 'ada@example.com', plan: 'free', devices: [], sessions: [{ id: expect.any(String) }] },
    {
      email: 'grace@example.com',
      plan: 'pro',
      devices: [{ lastSeenAt: new Date('2024-05-01T10:00:00Z') }],
      sessions: [],
    },
  ])
  expect(log.mock.calls[0]![0]).toContain('"dialect": "postgresql"')
})

it('runs the row-level security example as written', async () => {
  writeFileSync(new URL('row-level-security.ts', dir), find("set_config('app.user_id'"))
  await import(new URL('row-level-security.ts', dir).href)
  expect(log).toHaveBeenCalledWith([{ body: 'from Ada' }])
})

it('runs the partitioned tables example as written', async () => {
  writeFileSync(new URL('partitions.ts', dir), find("partition(events, 'events_2026'"))
  await import(new URL('partitions.ts', dir).href)
  expect(log).toHaveBeenCalledWith([{ id: '1' }])
})

it('runs the domains and composite types example as written', async () => {
  writeFileSync(new URL('domains.ts', dir), find("compositeType('address'"))
  await import(new URL('domains.ts', dir).href)
  expect(log).toHaveBeenCalledWith({ street: '12 "Crown" Lane, Flat (B)', zip: null, since: '2024-05-01' })
  expect(log).toHaveBeenCalledWith('email_has_at')
})

it('runs the functions, triggers and extensions example as written', async () => {
  writeFileSync(new URL('routines.ts', dir), find("trigger('notes_touch'"))
  await import(new URL('routines.ts', dir).href)
  expect(log).toHaveBeenCalledWith({ words: 2, touched: true })
})

it('runs the column casing example as written', async () => {
  writeFileSync(
    new URL('casing.ts', dir),
    find("schema('public', { casing: 'snake_case' })\n\nexport const customers"),
  )
  await import(new URL('casing.ts', dir).href)
  expect(log).toHaveBeenCalledWith({ id: 1, name: 'Ada' })
})

it('runs the validation schemas example as written', async () => {
  writeFileSync(new URL('validation.ts', dir), find('createInsertSchema(orders, {'))
  await import(new URL('validation.ts', dir).href)
  expect(log).toHaveBeenCalledWith(['email', 'total', 'items.0', 'meta.source'])
  expect(log).toHaveBeenCalledWith('open', '12.50')
})

// The read replicas example needs two servers' worth of databases: two scratch databases on the test
// server, each with the schema; the rows each ends up with say where each statement ran.
it.runIf(serverUrl)('runs the read replicas example as written', async () => {
  writeFileSync(new URL('schema.ts', dir), find("export const plan = enumType('plan'"))
  writeFileSync(new URL('replicas.ts', dir), find('withReplicas(open(process.env.PRIMARY_URL)'))
  const [primary, replica] = await Promise.all([createScratchDatabase(), createScratchDatabase()])
  try {
    const tables = (await import(new URL('schema.ts', dir).href)) as Record<string, unknown>
    for (const scratch of [primary, replica]) {
      const client = new pg.Client({ connectionString: scratch.url })
      await client.connect()
      for (const statement of renderCreate(toModel(tables))) await client.query(statement)
      await client.end()
    }
    process.env.PRIMARY_URL = primary.url
    process.env.REPLICA_URL = replica.url
    await import(new URL('replicas.ts', dir).href)
    const emails = async (url: string) => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      const { rows } = await client.query('select email from users')
      await client.end()
      return rows.map((row: { email: string }) => row.email)
    }
    expect(await emails(primary.url)).toEqual(['ada@example.com'])
    expect(await emails(replica.url)).toEqual([])
  } finally {
    delete process.env.PRIMARY_URL
    delete process.env.REPLICA_URL
    await Promise.all([primary.drop(), replica.drop()])
  }
})
