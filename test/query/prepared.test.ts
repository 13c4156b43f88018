import { and, eq, gte, ilike, inArray, placeholder, type QueryEvent, sql } from 'tidemark'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../support/databases.js'
import { createSchema, posts, seed, users } from './fixtures.js'

describe('dynamic composition', () => {
  it('and() skips undefined conditions and where() calls add up', async () => {
    const { select } = await import('tidemark')
    const search = (name?: string, minId?: number) =>
      select({ id: users.id })
        .from(users)
        .where(
          and(
            name === undefined ? undefined : ilike(users.name, name),
            minId === undefined ? undefined : gte(users.id, minId),
          ),
        )
    expect(search().toSQL().sql).toBe('select "q_users"."id" from "public"."q_users"')
    expect(search('a%').toSQL()).toEqual({
      sql: 'select "q_users"."id" from "public"."q_users" where "q_users"."name" ilike $1',
      params: ['a%'],
    })
    let query = search('a%', 2).$dynamic()
    query = query.where(eq(users.mood, 'happy'))
    expect(query.toSQL()).toEqual({
      sql: 'select "q_users"."id" from "public"."q_users" where "q_users"."name" ilike $1 and "q_users"."id" >= $2 and "q_users"."mood" = $3',
      params: ['a%', '2', 'happy'],
    })
  })

  it('builders are immutable: a shared base query is not changed by what is added to it', async () => {
    const { select } = await import('tidemark')
    const base = select({ id: users.id }).from(users)
    const filtered = base.where(eq(users.id, 1)).limit(1)
    expect(base.toSQL().sql).toBe('select "q_users"."id" from "public"."q_users"')
    expect(filtered.toSQL().sql).toBe(
      'select "q_users"."id" from "public"."q_users" where "q_users"."id" = $1 limit $2',
    )
  })
})

describeEachDatabase('prepared queries and logging', (target) => {
  beforeAll(async () => {
    await createSchema(target.db)
    await seed(target.db)
  })

  it('compiles once and runs with named placeholder values, encoded by their columns', async () => {
    const byName = target.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.name, placeholder('name')))
      .limit(placeholder('limit'))
      .prepare()
    expect(byName.toSQL()).toEqual({
      sql: 'select "q_users"."id", "q_users"."name" from "public"."q_users" where "q_users"."name" = $1 limit $2',
      params: [null, null],
    })
    expect(await byName.execute({ name: 'Bob', limit: 5 })).toEqual([{ id: 2, name: 'Bob' }])
    expect(await byName.execute({ name: 'Ada', limit: 5 })).toEqual([{ id: 1, name: 'Ada' }])
    await expect(byName.execute({ name: 'Ada' })).rejects.toThrow("No value given for placeholder 'limit'")
    const inList = target.db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.id, placeholder('ids')))
      .prepare()
    expect(await inList.execute({ ids: [1, 3] })).toEqual([{ id: 1 }, { id: 3 }])
    const insertPost = target.db
      .insert(posts)
      .values({ authorId: placeholder('author'), title: placeholder('title') })
      .returning({ title: posts.title })
      .prepare()
    expect(await insertPost.execute({ author: 3, title: "Cy's post" })).toEqual([{ title: "Cy's post" }])
  })

  it('refuses to run a query with placeholders without prepare()', async () => {
    await expect(
      target.db
        .select()
        .from(users)
        .where(eq(users.id, placeholder('id')))
        .execute(),
    ).rejects.toThrow(/placeholders \(id\).*prepare\(\)/)
  })

  it('sends builder queries through the database logger', async () => {
    const events: QueryEvent[] = []
    const db = target.withOptions({ logger: (event) => events.push(event) })
    await db.select({ id: users.id }).from(users).where(eq(users.id, 1))
    await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, placeholder('id')))
      .prepare()
      .execute({ id: 2 })
    expect(events.map(({ sql, params, rowCount }) => ({ sql, params, rowCount }))).toEqual([
      {
        sql: 'select "q_users"."id" from "public"."q_users" where "q_users"."id" = $1',
        params: ['1'],
        rowCount: 1,
      },
      {
        sql: 'select "q_users"."id" from "public"."q_users" where "q_users"."id" = $1',
        params: ['2'],
        rowCount: 1,
      },
    ])
  })

  it('embeds operator and aggregate expressions in sql fragments', async () => {
    const rows = await target.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${users} where ${and(eq(users.mood, 'happy'), gte(users.id, 1))}`,
    )
    expect(rows.rows).toEqual([{ n: 1 }])
  })

  it('fills a placeholder inside an expression embedded in a sql fragment of a prepared builder query', async () => {
    const byId = target.db
      .select({ name: users.name })
      .from(users)
      .where(sql`${eq(users.id, placeholder('id'))} and true`)
      .prepare()
    expect(byId.toSQL()).toEqual({
      sql: 'select "q_users"."name" from "public"."q_users" where "q_users"."id" = $1 and true',
      params: [null],
    })
    expect(await byId.execute({ id: 2 })).toEqual([{ name: 'Bob' }])
    expect(await byId.execute({ id: 1 })).toEqual([{ name: 'Ada' }])
  })

  it('refuses a placeholder in a sql fragment run on its own', async () => {
    const run = target.db.execute(sql`select ${eq(users.id, placeholder('id'))}`)
    await expect(run).rejects.toThrow(/placeholder\('id'\) can only be used in a query builder's statement/)
  })

  it("hands parameter encoders the dialect's value rules", async () => {
    const ids = sql.param([2, 1], (value, codec) =>
      codec.array((value as number[]).map((id) => codec.encode(id))),
    )
    expect(target.db.dialect.compileFragment(sql`select ${ids}::int[]`)).toEqual({
      sql: 'select $1::int[]',
      params: ['{"2","1"}'],
    })
    const { rows } = await target.db.execute<{ name: string }>(
      sql`select ${users.name} from ${users} where ${users.id} = any(${ids}::int[]) order by ${users.id}`,
    )
    expect(rows.map((row) => row.name)).toEqual(['Ada', 'Bob'])
  })
})
