import {
  alias,
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  avg,
  between,
  count,
  countDistinct,
  cte,
  desc,
  eq,
  exists,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  jsonbContains,
  jsonbGetText,
  jsonbHasKey,
  like,
  lt,
  lte,
  max,
  min,
  ne,
  not,
  notExists,
  notInArray,
  or,
  outer,
  recursiveCte,
  scalar,
  select,
  sql,
  sum,
} from 'tidemark'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../support/databases.js'
import { createSchema, nodes, posts, seed, users } from './fixtures.js'

describe('select SQL', () => {
  it('selects every column of a table, qualified and quoted, with values as parameters', () => {
    expect(select().from(users).where(eq(users.name, 'Ada')).toSQL()).toEqual({
      sql: 'select "q_users"."id", "q_users"."name", "q_users"."email", "q_users"."mood", "q_users"."visits", "q_users"."balance", "q_users"."tags", "q_users"."settings", "q_users"."created_at", "q_users"."location" from "public"."q_users" where "q_users"."name" = $1',
      params: ['Ada'],
    })
  })

  it('writes chosen fields, expressions with aliases, joins, grouping, order and limits', () => {
    const query = select({ name: users.name, posts: count(posts.id) })
      .from(users)
      .leftJoin(posts, eq(posts.authorId, users.id))
      .where(or(gt(users.id, 0), isNull(users.email)))
      .groupBy(users.name)
      .having(gte(count(posts.id), 0))
      .orderBy(desc(users.name).nullsLast(), asc(count(posts.id)))
      .limit(10)
      .offset(5)
    expect(query.toSQL()).toEqual({
      sql: 'select "q_users"."name", count("q_posts"."id") as "posts" from "public"."q_users" left join "public"."q_posts" on "q_posts"."author_id" = "q_users"."id" where "q_users"."id" > $1 or "q_users"."email" is null group by "q_users"."name" having count("q_posts"."id") >= $2 order by "q_users"."name" desc nulls last, count("q_posts"."id") asc limit $3 offset $4',
      params: ['0', '0', '10', '5'],
    })
  })

  it('parenthesizes nested and/or and writes an empty in-list as a constant', () => {
    const where = and(eq(users.id, 1), or(eq(users.id, 2), not(eq(users.id, 3))), inArray(users.id, []))
    expect(select({ id: users.id }).from(users).where(where).toSQL().sql).toBe(
      'select "q_users"."id" from "public"."q_users" where "q_users"."id" = $1 and ("q_users"."id" = $2 or not ("q_users"."id" = $3)) and false',
    )
  })

  it('writes locking clauses', () => {
    const query = select({ id: users.id })
      .from(users)
      .for('update', { of: [users], skipLocked: true })
    expect(query.toSQL().sql).toBe(
      'select "q_users"."id" from "public"."q_users" for update of "q_users" skip locked',
    )
    expect(select({ id: users.id }).from(users).for('share', { noWait: true }).toSQL().sql).toMatch(
      / for share nowait$/,
    )
  })

  it('refuses an unbound query at run time and a table joined twice without an alias', async () => {
    expect(() => select().from(users).execute()).toThrow(/not bound to a database/)
    expect(() =>
      select()
        .from(users)
        .innerJoin(users as never, sql`true`),
    ).toThrow(/alias/)
  })
})

describeEachDatabase('select', (target) => {
  beforeAll(async () => {
    await createSchema(target.db)
    await seed(target.db)
  })

  it('decodes every column with its own type', async () => {
    const [ada] = await target.db.select().from(users).where(eq(users.name, 'Ada'))
    expect(ada).toEqual({
      id: 1,
      name: 'Ada',
      email: 'ada@example.com',
      mood: 'happy',
      visits: 9007199254740993n,
      balance: '10.50',
      tags: ['a', 'b'],
      settings: { theme: 'dark', size: 2 },
      createdAt: new Date('2024-01-01T00:00:00Z'),
      location: { x: 1, y: 2 },
    })
  })

  it('renames and nests fields, with computed sql fields', async () => {
    const rows = await target.db
      .select({
        id: users.id,
        profile: { displayName: users.name, lower: sql<string>`lower(${users.name})` },
      })
      .from(users)
      .orderBy(users.id)
      .limit(2)
    expect(rows).toEqual([
      { id: 1, profile: { displayName: 'Ada', lower: 'ada' } },
      { id: 2, profile: { displayName: 'Bob', lower: 'bob' } },
    ])
  })

  it('filters with every comparison operator', async () => {
    const names = async (condition: Parameters<ReturnType<typeof selectNames>['where']>[0]) =>
      (await selectNames().where(condition)).map((row) => row.name)
    const selectNames = () => target.db.select({ name: users.name }).from(users).orderBy(users.id)
    expect(await names(eq(users.id, 2))).toEqual(['Bob'])
    expect(await names(ne(users.id, 2))).toEqual(['Ada', 'Cy'])
    expect(await names(lt(users.id, 2))).toEqual(['Ada'])
    expect(await names(lte(users.id, 2))).toEqual(['Ada', 'Bob'])
    expect(await names(between(users.id, 2, 3))).toEqual(['Bob', 'Cy'])
    expect(await names(inArray(users.id, [1, 3]))).toEqual(['Ada', 'Cy'])
    expect(await names(notInArray(users.id, [1, 3]))).toEqual(['Bob'])
    expect(await names(inArray(users.id, select({ id: posts.authorId }).from(posts)))).toEqual(['Ada', 'Bob'])
    expect(await names(like(users.name, 'A%'))).toEqual(['Ada'])
    expect(await names(ilike(users.name, 'b%'))).toEqual(['Bob'])
    expect(await names(isNull(users.email))).toEqual(['Cy'])
    expect(await names(isNotNull(users.mood))).toEqual(['Ada', 'Bob'])
    expect(await names(eq(users.mood, 'sad'))).toEqual(['Bob'])
    expect(await names(gt(users.createdAt, new Date('2023-12-31T00:00:00Z')))).toEqual(['Ada', 'Bob', 'Cy'])
    expect(await names(arrayContains(users.tags, ['b']))).toEqual(['Ada', 'Bob'])
    expect(await names(arrayOverlaps(users.tags, ['a', 'z']))).toEqual(['Ada'])
    expect(await names(jsonbContains(users.settings, { theme: 'dark' }))).toEqual(['Ada'])
    expect(await names(jsonbHasKey(users.settings, 'size'))).toEqual(['Ada'])
    expect(await names(eq(jsonbGetText(users.settings, 'theme'), 'dark'))).toEqual(['Ada'])
    const wrote = select({ id: posts.id })
      .from(posts)
      .where(eq(posts.authorId, outer(users.id)))
    expect(await names(exists(wrote))).toEqual(['Ada', 'Bob'])
    expect(await names(notExists(wrote))).toEqual(['Cy'])
  })

  it('makes the joined side nullable: left join rows without a match have null columns', async () => {
    const rows = await target.db
      .select({ name: users.name, title: posts.title })
      .from(users)
      .leftJoin(posts, eq(posts.authorId, users.id))
      .orderBy(users.id, posts.id)
    expect(rows).toEqual([
      { name: 'Ada', title: 'First' },
      { name: 'Ada', title: 'Second' },
      { name: 'Bob', title: 'Hello' },
      { name: 'Cy', title: null },
    ])
  })

  it('selects whole tables over joins as nested objects, null when the outer join found nothing', async () => {
    const rows = await target.db
      .select()
      .from(posts)
      .rightJoin(users, eq(posts.authorId, users.id))
      .where(eq(users.name, 'Cy'))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.q_posts).toBeNull()
    expect(rows[0]!.q_users.name).toBe('Cy')
    const inner = await target.db
      .select()
      .from(users)
      .innerJoin(posts, eq(posts.authorId, users.id))
      .where(eq(posts.title, 'Hello'))
    expect(inner.map((row) => [row.q_users.name, row.q_posts.title])).toEqual([['Bob', 'Hello']])
  })

  it('joins full and cross, and a table with itself through an alias', async () => {
    const full = await target.db
      .select({ user: users.name, post: posts.title })
      .from(users)
      .fullJoin(posts, eq(posts.authorId, users.id))
      .orderBy(users.id)
    expect(full).toHaveLength(4)
    const cross = await target.db.select({ a: users.id }).from(users).crossJoin(posts)
    expect(cross).toHaveLength(9)
    const parent = alias(nodes, 'parent')
    const pairs = await target.db
      .select({ child: nodes.label, parent: parent.label })
      .from(nodes)
      .leftJoin(parent, eq(nodes.parentId, parent.id))
      .orderBy(nodes.id)
    expect(pairs).toEqual([
      { child: 'root', parent: null },
      { child: 'child', parent: 'root' },
      { child: 'grandchild', parent: 'child' },
      { child: 'other', parent: null },
    ])
  })

  it('joins a lateral subquery that reads the outer row', async () => {
    const latest = target.db
      .select({ title: posts.title })
      .from(posts)
      .where(eq(posts.authorId, outer(users.id)))
      .orderBy(desc(posts.id))
      .limit(1)
      .as('latest')
    const rows = await target.db
      .select({ name: users.name, latest: latest.title })
      .from(users)
      .leftJoinLateral(latest, sql`true`)
      .orderBy(users.id)
    expect(rows).toEqual([
      { name: 'Ada', latest: 'Second' },
      { name: 'Bob', latest: 'Hello' },
      { name: 'Cy', latest: null },
    ])
  })

  it('aggregates with their own result types', async () => {
    const [row] = await target.db
      .select({
        n: count(),
        authors: countDistinct(posts.authorId),
        total: sum(posts.score),
        mean: avg(posts.score),
        asNumber: sum(posts.score).mapWith(Number),
        low: min(posts.title),
        high: max(posts.score),
      })
      .from(posts)
    expect(row).toEqual({
      n: 3,
      authors: 2,
      total: '13',
      mean: '4.3333333333333333',
      asNumber: 13,
      low: 'First',
      high: 7,
    })
    const [latest] = await target.db
      .select({ at: max(users.createdAt), visits: sum(users.visits) })
      .from(users)
    expect(latest).toEqual({ at: new Date('2024-01-01T00:00:00Z'), visits: '9007199254740996' })
  })

  it('selects distinct rows and distinct on', async () => {
    const authors = await target.db
      .selectDistinct({ authorId: posts.authorId })
      .from(posts)
      .orderBy(posts.authorId)
    expect(authors).toEqual([{ authorId: 1 }, { authorId: 2 }])
    const top = await target.db
      .selectDistinctOn([posts.authorId], { authorId: posts.authorId, title: posts.title })
      .from(posts)
      .orderBy(posts.authorId, desc(posts.score))
    expect(top).toEqual([
      { authorId: 1, title: 'Second' },
      { authorId: 2, title: 'Hello' },
    ])
  })

  it('reads scalar and table subqueries', async () => {
    const postCount = scalar(
      target.db
        .select({ n: count() })
        .from(posts)
        .where(eq(posts.authorId, outer(users.id))),
    )
    const rows = await target.db.select({ name: users.name, posts: postCount }).from(users).orderBy(users.id)
    expect(rows).toEqual([
      { name: 'Ada', posts: 2 },
      { name: 'Bob', posts: 1 },
      { name: 'Cy', posts: 0 },
    ])
    const best = target.db
      .select({ authorId: posts.authorId, best: max(posts.score) })
      .from(posts)
      .groupBy(posts.authorId)
      .as('best')
    const joined = await target.db
      .select({ name: users.name, best: best.best })
      .from(best)
      .innerJoin(users, eq(users.id, best.authorId))
      .orderBy(users.name)
    expect(joined).toEqual([
      { name: 'Ada', best: 7 },
      { name: 'Bob', best: 1 },
    ])
  })

  it('reads CTEs, recursive ones included', async () => {
    const prolific = cte(
      'prolific',
      target.db.select({ authorId: posts.authorId, n: count() }).from(posts).groupBy(posts.authorId),
    )
    const rows = await target.db
      .with(prolific)
      .select({ name: users.name, n: prolific.n })
      .from(prolific)
      .innerJoin(users, eq(users.id, prolific.authorId))
      .where(gt(prolific.n, 1))
    expect(rows).toEqual([{ name: 'Ada', n: 2 }])

    const tree = recursiveCte(
      'tree',
      target.db.select({ id: nodes.id, depth: sql<number>`1` }).from(nodes).where(eq(nodes.id, 1)),
      (self) =>
        target.db
          .select({ id: nodes.id, depth: sql<number>`${self.depth} + 1` })
          .from(nodes)
          .innerJoin(self, eq(nodes.parentId, self.id)),
    )
    const descendants = await target.db.with(tree).select().from(tree).orderBy(tree.id)
    expect(descendants).toEqual([
      { id: 1, depth: 1 },
      { id: 2, depth: 2 },
      { id: 3, depth: 3 },
    ])
  })

  it('combines queries with set operators, ordered and limited as a whole', async () => {
    const a = target.db.select({ id: users.id }).from(users).where(lte(users.id, 2))
    const b = target.db.select({ id: posts.authorId }).from(posts)
    expect(await a.union(b).orderBy(desc(users.id))).toEqual([{ id: 2 }, { id: 1 }])
    expect((await a.unionAll(b)).length).toBe(5)
    expect(await a.intersect(b).orderBy(users.id)).toEqual([{ id: 1 }, { id: 2 }])
    expect(await target.db.select({ id: users.id }).from(users).except(b)).toEqual([{ id: 3 }])
    expect((await a.intersectAll(b)).length).toBe(2)
    expect(await b.exceptAll(a).orderBy(posts.authorId)).toEqual([{ id: 1 }])
    expect(await a.union(b).orderBy(users.id).limit(1).offset(1)).toEqual([{ id: 2 }])
  })

  it('locks rows inside a transaction', async () => {
    const rows = await target.db.transaction(async (tx) =>
      tx.select({ id: users.id }).from(users).where(eq(users.id, 1)).for('update', { skipLocked: true }),
    )
    expect(rows).toEqual([{ id: 1 }])
  })
})
