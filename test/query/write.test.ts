import { deleteFrom, eq, excluded, gt, insert, select, sql, update } from 'tidemark'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../support/databases.js'
import { createSchema, nodes, posts, users } from './fixtures.js'

describe('insert, update and delete SQL', () => {
  it('lists the given columns and those with a default function, in table order', () => {
    expect(
      insert(users)
        .values([{ name: 'a' }, { name: 'b', email: 'e' }])
        .toSQL(),
    ).toEqual({
      sql: 'insert into "public"."q_users" ("name", "email", "created_at") values ($1, default, $2), ($3, $4, $5)',
      params: ['a', '2024-01-01 00:00:00.000+00', 'b', 'e', '2024-01-01 00:00:00.000+00'],
    })
  })

  it('writes upserts on a target or a constraint', () => {
    const upsert = insert(users)
      .values({ name: 'a', email: 'e' })
      .onConflictDoUpdate({
        target: users.email,
        set: { name: excluded(users.name), visits: sql`${users.visits} + 1` },
        where: gt(users.id, 0),
      })
      .returning({ id: users.id })
    expect(upsert.toSQL().sql).toBe(
      'insert into "public"."q_users" ("name", "email", "created_at") values ($1, $2, $3) on conflict ("email") do update set "name" = excluded."name", "visits" = "q_users"."visits" + 1 where "q_users"."id" > $4 returning "q_users"."id"',
    )
    expect(
      insert(users).values({ name: 'a' }).onConflictDoNothing({ constraint: 'q_users_email_key' }).toSQL()
        .sql,
    ).toMatch(/ on conflict on constraint "q_users_email_key" do nothing$/)
  })

  it('writes update ... from and delete ... using', () => {
    const bump = update(posts)
      .set({ score: sql`${posts.score} + 1` })
      .from(users)
      .where(eq(users.id, posts.authorId))
    expect(bump.toSQL().sql).toBe(
      'update "public"."q_posts" set "score" = "q_posts"."score" + 1 from "public"."q_users" where "q_users"."id" = "q_posts"."author_id"',
    )
    expect(deleteFrom(posts).using(users).where(eq(users.id, posts.authorId)).toSQL().sql).toBe(
      'delete from "public"."q_posts" using "public"."q_users" where "q_users"."id" = "q_posts"."author_id"',
    )
  })

  it('refuses keys the table does not have', () => {
    expect(() => insert(users).values({ name: 'a', nope: 1 } as never)).toThrow(/no column "nope"/)
    expect(() => update(users).set({ nope: 1 } as never)).toThrow(/no column "nope"/)
  })
})

describeEachDatabase('insert, update and delete', (target) => {
  beforeAll(() => createSchema(target.db))
  beforeEach(async () => {
    await target.db.delete(posts).all()
    await target.db.delete(users).all()
    await target.db.delete(nodes).all()
  })

  it('inserts one row, applying SQL defaults and default functions, and returns it', async () => {
    const [row] = await target.db.insert(users).values({ name: 'Ada' }).returning()
    expect(row).toMatchObject({
      name: 'Ada',
      email: null,
      visits: 0n,
      createdAt: new Date('2024-01-01T00:00:00Z'),
    })
    expect(typeof row!.id).toBe('number')
  })

  it('inserts many rows and reports the count without returning', async () => {
    const result = await target.db.insert(users).values([{ name: 'a' }, { name: 'b' }, { name: 'c' }])
    expect(result).toEqual({ rowCount: 3 })
    expect(await target.db.select({ n: sql<number>`count(*)::int` }).from(users)).toEqual([{ n: 3 }])
  })

  it('upserts: do nothing, and do update with excluded values', async () => {
    await target.db.insert(users).values({ name: 'Ada', email: 'ada@example.com' })
    const skipped = await target.db
      .insert(users)
      .values({ name: 'Other', email: 'ada@example.com' })
      .onConflictDoNothing({ target: users.email })
      .returning()
    expect(skipped).toEqual([])
    const [updated] = await target.db
      .insert(users)
      .values({ name: 'Ada Lovelace', email: 'ada@example.com' })
      .onConflictDoUpdate({
        target: users.email,
        set: { name: excluded(users.name), visits: sql`${users.visits} + 1` },
      })
      .returning({ name: users.name, visits: users.visits })
    expect(updated).toEqual({ name: 'Ada Lovelace', visits: 1n })
  })

  it('inserts from a select', async () => {
    await target.db.insert(users).values([{ name: 'a' }, { name: 'b' }])
    await target.db.insert(nodes).select(target.db.select({ id: users.id, label: users.name }).from(users))
    const rows = await target.db.select({ label: nodes.label }).from(nodes).orderBy(nodes.label)
    expect(rows).toEqual([{ label: 'a' }, { label: 'b' }])
  })

  it('updates with values and expressions, filtered, returning chosen fields', async () => {
    const [ada] = await target.db
      .insert(users)
      .values({ name: 'Ada', visits: 5n })
      .returning({ id: users.id })
    await target.db.insert(users).values({ name: 'Bob' })
    const changed = await target.db
      .update(users)
      .set({ name: 'Ada L.', visits: sql`${users.visits} * 2`, tags: ['x'] })
      .where(eq(users.id, ada!.id))
      .returning({ name: users.name, visits: users.visits, tags: users.tags })
    expect(changed).toEqual([{ name: 'Ada L.', visits: 10n, tags: ['x'] }])
    const all = await target.db.update(users).set({ mood: 'happy' }).all()
    expect(all).toEqual({ rowCount: 2 })
  })

  it('updates from another table and deletes using another table', async () => {
    const [ada] = await target.db.insert(users).values({ name: 'Ada' }).returning({ id: users.id })
    await target.db.insert(posts).values([{ authorId: ada!.id, title: 'x' }])
    const bumped = await target.db
      .update(posts)
      .set({ title: users.name })
      .from(users)
      .where(eq(users.id, posts.authorId))
      .returning({ title: posts.title })
    expect(bumped).toEqual([{ title: 'Ada' }])
    const removed = await target.db
      .delete(posts)
      .using(users)
      .where(eq(users.id, posts.authorId))
      .returning({ title: posts.title })
    expect(removed).toEqual([{ title: 'Ada' }])
  })

  it('refuses to run an update or delete without where() or all()', async () => {
    await target.db.insert(users).values({ name: 'Ada' })
    const unfiltered = target.db.update(users).set({ name: 'x' })
    // @ts-expect-error an update without where() or all() does not compile
    await expect(unfiltered.execute()).rejects.toThrow(/no where\(\).*\.all\(\)/)
    // @ts-expect-error nor does awaiting it
    await expect((async () => await target.db.delete(users))()).rejects.toThrow(/delete has no where/)
    expect(await target.db.select({ name: users.name }).from(users)).toEqual([{ name: 'Ada' }])
  })

  it('runs builders inside transactions and rolls them back', async () => {
    await expect(
      target.db.transaction(async (tx) => {
        await tx.insert(users).values({ name: 'Temp' })
        expect(await tx.select({ name: users.name }).from(users)).toEqual([{ name: 'Temp' }])
        throw new Error('undo')
      }),
    ).rejects.toThrow('undo')
    expect(await target.db.select().from(users)).toEqual([])
    expect(await select({ n: users.id }).from(users).toSQL().sql).toContain('from "public"."q_users"')
  })
})
