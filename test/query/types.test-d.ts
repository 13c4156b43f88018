import {
  avg,
  count,
  cte,
  type Database,
  eq,
  excluded,
  gt,
  type InferSelect,
  inArray,
  like,
  max,
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
