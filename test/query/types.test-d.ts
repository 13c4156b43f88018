import {
  alias,
  avg,
  count,
  cte,
  type Database,
  eq,
  excluded,
  exists,
  gt,
  type InferSelect,
  inArray,
  like,
  max,
  outer,
  scalar,
  sql,
  sum,
} from 'tidemark'
import { describe, expectTypeOf, it } from 'vitest'
import { posts, users } from './fixtures.js'

declare const db: Database

type User = InferSelect<typeof users>
type Post = InferSelect<typeof posts>

describe('result types', () => {
  it('selects whole rows, chosen fields, nested objects and typed sql fields', async () => {
    expectTypeOf(await db.select().from(users)).toEqualTypeOf<User[]>()
    const rows = await db
      .select({ id: users.id, who: { name: users.name, email: users.email }, n: sql<number>`1` })
      .from(users)
    expectTypeOf(rows).toEqualTypeOf<
      { id: number; who: { name: string; email: string | null }; n: number }[]
    >()
  })

  it('makes columns nullable exactly where an outer join can produce NULLs', async () => {
    const left = await db
      .select({ name: users.name, title: posts.title })
      .from(users)
      .leftJoin(posts, eq(posts.authorId, users.id))
    expectTypeOf(left).toEqualTypeOf<{ name: string; title: string | null }[]>()
    const inner = await db
      .select({ name: users.name, title: posts.title })
      .from(users)
      .innerJoin(posts, eq(posts.authorId, users.id))
    expectTypeOf(inner).toEqualTypeOf<{ name: string; title: string }[]>()
    const right = await db
      .select({ name: users.name, title: posts.title })
      .from(users)
      .rightJoin(posts, eq(posts.authorId, users.id))
    expectTypeOf(right).toEqualTypeOf<{ name: string | null; title: string }[]>()
    const full = await db
      .select({ name: users.name, title: posts.title })
      .from(users)
      .fullJoin(posts, eq(posts.authorId, users.id))
    expectTypeOf(full).toEqualTypeOf<{ name: string | null; title: string | null }[]>()
    const whole = await db.select().from(users).leftJoin(posts, eq(posts.authorId, users.id))
    expectTypeOf(whole).toEqualTypeOf<{ q_users: User; q_posts: Post | null }[]>()
  })

  it('gives aggregates their own types', async () => {
    const [row] = await db
      .select({
        n: count(),
        total: sum(posts.score),
        mean: avg(posts.score),
        top: max(posts.score),
        num: sum(posts.score).mapWith(Number),
      })
      .from(posts)
    expectTypeOf(row!).toEqualTypeOf<{
      n: number
      total: string | null
      mean: string | null
      top: number | null
      num: number | null
    }>()
  })

  it('types subqueries, CTEs and scalar subqueries from their selections', async () => {
    const sq = db
      .select({ authorId: posts.authorId, n: count() })
      .from(posts)
      .groupBy(posts.authorId)
      .as('sq')
    const rows = await db
      .select({ name: users.name, n: sq.n })
      .from(users)
      .leftJoin(sq, eq(sq.authorId, users.id))
    expectTypeOf(rows).toEqualTypeOf<{ name: string; n: number | null }[]>()
    const c = cte('c', db.select({ id: users.id }).from(users))
    expectTypeOf(await db.with(c).select().from(c)).toEqualTypeOf<{ id: number }[]>()
    const n = scalar(db.select({ n: count() }).from(posts))
    expectTypeOf(await db.select({ n }).from(users)).toEqualTypeOf<{ n: number | null }[]>()
  })

  it('types returning rows and write results', async () => {
    expectTypeOf(await db.insert(users).values({ name: 'a' })).toEqualTypeOf<{
      readonly rowCount: number | null
    }>()
    expectTypeOf(await db.insert(users).values({ name: 'a' }).returning()).toEqualTypeOf<User[]>()
    const updated = await db
      .update(users)
      .set({ name: 'b' })
      .where(eq(users.id, 1))
      .returning({ id: users.id })
    expectTypeOf(updated).toEqualTypeOf<{ id: number }[]>()
    expectTypeOf(await db.delete(posts).all().returning({ t: posts.title })).toEqualTypeOf<{ t: string }[]>()
  })

  it('accepts selected fields once their tables are joined, with the same result types', async () => {
    const joined = await db
      .select({ title: posts.title, author: { name: users.name }, n: count(posts.id), one: sql<number>`1` })
      .from(users)
      .innerJoin(posts, eq(posts.authorId, users.id))
      .groupBy(users.id, posts.id)
    expectTypeOf(joined).toEqualTypeOf<
      { title: string; author: { name: string }; n: number; one: number }[]
    >()
    const left = await db
      .select({ title: posts.title, author: { email: users.email }, n: count(posts.id), p: posts })
      .from(users)
      .leftJoin(posts, eq(posts.authorId, users.id))
      .groupBy(users.id, posts.id)
    expectTypeOf(left).toEqualTypeOf<
      { title: string | null; author: { email: string | null }; n: number; p: Post | null }[]
    >()
    const n = scalar(
      db
        .select({ n: count() })
        .from(posts)
        .where(eq(posts.authorId, outer(users.id))),
    )
    expectTypeOf(await db.select({ name: users.name, n }).from(users)).toEqualTypeOf<
      { name: string; n: number | null }[]
    >()
    const latest = db
      .select({ title: posts.title, by: outer(users.name) })
      .from(posts)
      .where(eq(posts.authorId, outer(users.id)))
      .limit(1)
      .as('latest')
    const lateral = await db
      .select({ name: users.name, title: latest.title, by: latest.by })
      .from(users)
      .leftJoinLateral(latest, sql`true`)
    expectTypeOf(lateral).toEqualTypeOf<{ name: string; title: string | null; by: string | null }[]>()
    const c = cte('c', db.select({ id: users.id }).from(users))
    expectTypeOf(await db.with(c).select({ id: c.id }).from(c)).toEqualTypeOf<{ id: number }[]>()
    const ids = db.select({ id: posts.authorId }).from(posts)
    expectTypeOf(await db.select({ id: users.id }).from(users).union(ids)).toEqualTypeOf<{ id: number }[]>()
    expectTypeOf(db.select({ n: sql<number>`1` }).from(users).toSQL().sql).toEqualTypeOf<string>()
  })

  it('accepts returning fields of the written table and of update from / delete using', async () => {
    const updated = await db
      .update(posts)
      .set({ title: users.name })
      .from(users)
      .where(eq(users.id, posts.authorId))
      .returning({ title: posts.title, by: { name: users.name } })
    expectTypeOf(updated).toEqualTypeOf<{ title: string; by: { name: string } }[]>()
    const removed = await db
      .delete(posts)
      .using(users)
      .where(eq(users.id, posts.authorId))
      .returning({ title: posts.title, by: users.email, one: sql<number>`1` })
    expectTypeOf(removed).toEqualTypeOf<{ title: string; by: string | null; one: number }[]>()
  })
})

describe('what does not compile', () => {
  it('refuses operands of the wrong type', () => {
    // @ts-expect-error a text column compared with a number
    eq(users.name, 1)
    // @ts-expect-error a number column compared with a string
    gt(users.id, '1')
    // @ts-expect-error like on a number column
    like(users.id, '1%')
    // @ts-expect-error an enum column compared with a label it does not have
    eq(users.mood, 'angry')
    // @ts-expect-error inArray values of the wrong type
    inArray(users.id, ['1'])
    eq(users.name, posts.title)
    // @ts-expect-error a text column compared with an integer column
    eq(users.name, posts.score)
  })

  it('refuses unknown columns and tables that are not in the query', () => {
    // @ts-expect-error no such column
    db.select({ x: users.nope })
    // @ts-expect-error posts is not part of this query
    db.select().from(users).where(eq(posts.id, 1))
    // @ts-expect-error posts is not part of this query
    db.select().from(users).orderBy(posts.id)
    db.select().from(users).innerJoin(posts, eq(posts.authorId, users.id)).where(eq(posts.id, 1))
    // @ts-expect-error users is not part of this delete
    db.delete(posts).where(eq(users.id, 1))
    const whole = db.select().from(users)
    // @ts-expect-error posts is not part of this query, so its rows cannot be locked
    whole.for('update', { of: [posts] })
    whole.innerJoin(posts, eq(posts.authorId, users.id)).for('update', { of: [posts] })
  })

  it('refuses selected fields of tables that are not in the query, once the query is finished', async () => {
    const flat = db.select({ title: posts.title }).from(users)
    // @ts-expect-error posts is not part of this query
    await flat
    // @ts-expect-error posts is not part of this query
    await flat.execute()
    // @ts-expect-error posts is not part of this query
    flat.toSQL()
    // @ts-expect-error posts is not part of this query
    flat.prepare()
    // @ts-expect-error users is not part of this query
    await db.select({ author: { name: users.name } }).from(posts)
    // @ts-expect-error posts is not part of this query
    await db.select({ n: count(posts.id) }).from(users)
    // @ts-expect-error posts is not part of this query
    await db.select({ p: posts }).from(users)
    // @ts-expect-error posts is not part of this query (joining an alias of users does not add it)
    await db.select({ title: posts.title }).from(users).leftJoin(alias(users, 'u2'), sql`true`)
  })

  it('refuses such a query as a subquery, a CTE or an operand', () => {
    const flat = db.select({ title: posts.title }).from(users)
    const names = db.select({ title: users.name }).from(users)
    // @ts-expect-error posts is not part of this query
    flat.as('sq')
    // @ts-expect-error posts is not part of this query
    flat.union(names)
    // @ts-expect-error posts is not part of this query
    names.union(flat)
    // @ts-expect-error posts is not part of this query
    scalar(flat)
    // @ts-expect-error posts is not part of this query
    exists(flat)
    // @ts-expect-error posts is not part of this query
    cte('c', flat)
    // @ts-expect-error posts is not part of this query
    db.insert(posts).select(flat)
    // The inner query does not read users: an outer column must say so with outer().
    // @ts-expect-error users is not part of the inner query
    scalar(db.select({ name: users.name }).from(posts))
  })

  it('refuses returning fields of tables the write does not read', () => {
    // @ts-expect-error posts is not written by this insert
    db.insert(users).values({ name: 'a' }).returning({ title: posts.title })
    const update = db.update(users).set({ name: 'b' }).all()
    // @ts-expect-error posts is not read by this update
    update.returning({ nested: { title: posts.title } })
    const remove = db.delete(users).all()
    // @ts-expect-error posts is not read by this delete
    remove.returning({ n: count(posts.id) })
  })

  it('refuses incomplete or wrong insert and update values', () => {
    // @ts-expect-error name is required
    db.insert(users).values({ email: 'a' })
    // @ts-expect-error visits is a bigint
    db.insert(users).values({ name: 'a', visits: 1 })
    // @ts-expect-error unknown column
    db.insert(users).values({ name: 'a', nope: 1 })
    // @ts-expect-error name cannot be NULL
    db.update(users).set({ name: null })
    db.insert(users)
      .values({ name: 'a' })
      .onConflictDoUpdate({ target: users.email, set: { name: excluded(users.name) } })
  })

  it('refuses to run an update or delete without where() or all()', async () => {
    // @ts-expect-error not filtered
    await db.update(users).set({ name: 'b' })
    // @ts-expect-error not filtered
    await db.delete(users).execute()
    await db.delete(users).all()
  })
})
