import {
  alias,
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  like,
  ne,
  outer,
  placeholder,
  scalar,
  select,
  sql,
} from 'tidemark'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../support/databases.js'
import {
  blogDatabase,
  categories,
  comments,
  createTables,
  offline,
  posts,
  postTags,
  relations,
  schema,
  seedBlog,
  tags,
  users,
} from './fixtures.js'

type BlogDatabase = ReturnType<typeof blogDatabase>

/** Rows grouped by a key, in the order they come. */
function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): (k: K) => T[] {
  const groups = new Map<K, T[]>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group === undefined) groups.set(k, [row])
    else group.push(row)
  }
  return (k) => groups.get(k) ?? []
}

function byId<T extends { id: number }>(rows: readonly T[]): (id: number | null) => T | null {
  const map = new Map(rows.map((row) => [row.id, row]))
  return (id) => (id === null ? null : (map.get(id) ?? null))
}

function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>
  for (const key of keys) out[key] = row[key]
  return out
}

describe('relational query SQL', () => {
  it('is one statement with every value bound as a parameter', () => {
    const db = offline({ schema, relations })
    const query = db.query.users.findMany({
      where: eq(users.name, 'Ada'),
      orderBy: asc(users.id),
      limit: 7,
      offset: 11,
      with: {
        posts: {
          where: gt(posts.score, 13),
          orderBy: desc(posts.createdAt),
          limit: 17,
          with: { comments: { where: like(comments.body, '%needle%'), with: { author: true } } },
        },
      },
    })
    const { sql: text, params } = query.toSQL()
    expect(text.startsWith('select ')).toBe(true)
    expect(text.match(/^select /g)).toHaveLength(1)
    expect(text).not.toContain(';')
    expect(text).not.toMatch(/Ada|needle|\b(7|11|13|17)\b/)
    const placeholders = [...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]))
    expect(new Set(placeholders)).toEqual(new Set(params.map((_, i) => i + 1)))
    expect([...params].sort()).toEqual(['%needle%', '11', '13', '17', '7', 'Ada'].sort())
  })
})

describeEachDatabase('relational queries', (target) => {
  let db: BlogDatabase

  beforeAll(async () => {
    db = blogDatabase(target)
    await createTables(db, schema)
    await seedBlog(db)
  })

  /** Everything, loaded with plain queries. */
  async function load() {
    return {
      users: await db.select().from(users).orderBy(asc(users.id)),
      posts: await db.select().from(posts).orderBy(asc(posts.id)),
      comments: await db.select().from(comments).orderBy(asc(comments.id)),
      categories: await db.select().from(categories).orderBy(asc(categories.id)),
    }
  }

  it('loads three levels: users with zero, one and many posts, comments, and a null one-relation', async () => {
    const rows = await db.query.users.findMany({
      orderBy: asc(users.id),
      with: {
        posts: {
          orderBy: desc(posts.createdAt),
          with: { comments: { orderBy: asc(comments.id), with: { author: true } } },
        },
      },
    })
    const all = await load()
    const postsByAuthor = groupBy(
      await db.select().from(posts).orderBy(desc(posts.createdAt)),
      (p) => p.authorId,
    )
    const commentsByPost = groupBy(all.comments, (c) => c.postId)
    const user = byId(all.users)
    const expected = all.users.map((u) => ({
      ...u,
      posts: postsByAuthor(u.id).map((p) => ({
        ...p,
        comments: commentsByPost(p.id).map((c) => ({ ...c, author: user(c.authorId) })),
      })),
    }))
    expect(rows).toEqual(expected)
    // The data covers what the test is about.
    expect(rows.map((u) => u.posts.length)).toEqual([3, 1, 0, 2])
    expect(rows[0]!.posts.map((p) => p.comments.length)).toEqual([1, 0, 3])
    const anonymous = rows.flatMap((u) => u.posts.flatMap((p) => p.comments)).find((c) => c.authorId === null)
    expect(anonymous).toMatchObject({ body: 'anonymous', author: null })
    expect(rows[0]!.posts[0]!.createdAt).toBeInstanceOf(Date)
  })

  it('chooses columns at every level: only the true ones, or all but the false ones', async () => {
    const rows = await db.query.users.findMany({
      columns: { name: true },
      orderBy: asc(users.id),
      with: {
        posts: {
          columns: { createdAt: false, categoryId: false },
          orderBy: asc(posts.id),
          with: { author: { columns: { email: true, id: false } } },
        },
      },
    })
    const all = await load()
    const postsByAuthor = groupBy(all.posts, (p) => p.authorId)
    const user = byId(all.users)
    expect(rows).toEqual(
      all.users.map((u) => ({
        name: u.name,
        posts: postsByAuthor(u.id).map((p) => ({
          ...pick(p, ['id', 'authorId', 'title', 'score']),
          author: { email: user(p.authorId)!.email },
        })),
      })),
    )
  })

  it('applies limits and offsets inside each level, after that level’s order', async () => {
    const rows = await db.query.users.findMany({
      orderBy: asc(users.id),
      with: {
        posts: {
          orderBy: desc(posts.createdAt),
          limit: 2,
          offset: 1,
          with: { comments: { orderBy: desc(comments.id), limit: 1 } },
        },
      },
    })
    const all = await load()
    const postsByAuthor = groupBy(
      await db.select().from(posts).orderBy(desc(posts.createdAt)),
      (p) => p.authorId,
    )
    const commentsByPost = groupBy(
      await db.select().from(comments).orderBy(desc(comments.id)),
      (c) => c.postId,
    )
    expect(rows).toEqual(
      all.users.map((u) => ({
        ...u,
        posts: postsByAuthor(u.id)
          .slice(1, 3)
          .map((p) => ({ ...p, comments: commentsByPost(p.id).slice(0, 1) })),
      })),
    )
    expect(rows.map((u) => u.posts.length)).toEqual([2, 0, 0, 1])
  })

  it('gives empty arrays for limit 0 and an offset past the end', async () => {
    const rows = await db.query.users.findMany({
      columns: { id: true },
      orderBy: asc(users.id),
      with: { posts: { limit: 0 }, comments: { offset: 100 } },
    })
    expect(rows).toEqual([1, 2, 3, 4].map((id) => ({ id, posts: [], comments: [] })))
  })

  it('keeps each level’s order through aggregation: desc, asc, nulls first / last, several keys', async () => {
    const orders = [
      [asc(posts.score).nullsFirst(), desc(posts.createdAt)],
      [desc(posts.score).nullsLast(), asc(posts.title)],
      [asc(posts.score).nullsLast(), desc(posts.id)],
      [desc(posts.score).nullsFirst(), desc(posts.createdAt)],
    ] as const
    for (const orderBy of orders) {
      const expectedPosts = await db
        .select()
        .from(posts)
        .orderBy(...orderBy)
      const postsByAuthor = groupBy(expectedPosts, (p) => p.authorId)
      const all = await db.query.users.findMany({
        columns: { id: true },
        orderBy: desc(users.id),
        with: { posts: { orderBy } },
      })
      expect(all).toEqual([4, 3, 2, 1].map((id) => ({ id, posts: postsByAuthor(id) })))
      // The same order through the limited path (rows chosen in a subquery, then aggregated).
      const limited = await db.query.users.findMany({
        columns: { id: true },
        orderBy: desc(users.id),
        with: { posts: { orderBy, limit: 10 } },
      })
      expect(limited).toEqual([4, 3, 2, 1].map((id) => ({ id, posts: postsByAuthor(id) })))
      // And at the root.
      const root = await db.query.posts.findMany({ orderBy })
      expect(root).toEqual(expectedPosts)
    }
  })

  it('filters at the root and at nested levels, with conditions over each level’s own table', async () => {
    const rows = await db.query.users.findMany({
      where: eq(users.active, true),
      orderBy: asc(users.id),
      with: {
        posts: {
          where: gt(posts.score, 2),
          orderBy: asc(posts.id),
          with: { comments: { where: isNotNull(comments.authorId), orderBy: asc(comments.id) } },
        },
      },
    })
    const expectedUsers = await db.select().from(users).where(eq(users.active, true)).orderBy(asc(users.id))
    const postsByAuthor = groupBy(
      await db.select().from(posts).where(gt(posts.score, 2)).orderBy(asc(posts.id)),
      (p) => p.authorId,
    )
    const commentsByPost = groupBy(
      await db.select().from(comments).where(isNotNull(comments.authorId)).orderBy(asc(comments.id)),
      (c) => c.postId,
    )
    expect(rows).toEqual(
      expectedUsers.map((u) => ({
        ...u,
        posts: postsByAuthor(u.id).map((p) => ({ ...p, comments: commentsByPost(p.id) })),
      })),
    )
    expect(rows.map((u) => u.name)).toEqual(['Ada', 'Bob', 'Dee'])
  })

  it('gives null for a one-relation whose where does not match', async () => {
    const rows = await db.query.comments.findMany({
      columns: { id: true },
      orderBy: asc(comments.id),
      with: { author: { columns: { name: true }, where: ne(users.name, 'Ada') } },
    })
    const all = await load()
    const user = byId(all.users)
    expect(rows).toEqual(
      all.comments.map((c) => {
        const author = user(c.authorId)
        return { id: c.id, author: author === null || author.name === 'Ada' ? null : { name: author.name } }
      }),
    )
  })

  it('filters a self-relation by the child level, though parent and child are the same table', async () => {
    const rows = await db.query.categories.findMany({
      where: isNull(categories.parentId),
      orderBy: asc(categories.id),
      with: {
        children: {
          where: ne(categories.name, 'child a'),
          orderBy: asc(categories.id),
          with: { parent: { columns: { name: true } } },
        },
      },
    })
    const all = await load()
    const childrenOf = groupBy(
      all.categories.filter((c) => c.name !== 'child a'),
      (c) => c.parentId,
    )
    const category = byId(all.categories)
    expect(rows).toEqual(
      all.categories
        .filter((c) => c.parentId === null)
        .map((c) => ({
          ...c,
          children: childrenOf(c.id).map((child) => ({
            ...child,
            parent: { name: category(child.parentId)!.name },
          })),
        })),
    )
    expect(rows.map((c) => c.children.map((child) => child.name))).toEqual([['child b'], []])
  })

  it('walks a self-relation two levels deep, both ways', async () => {
    const down = await db.query.categories.findMany({
      where: isNull(categories.parentId),
      orderBy: asc(categories.id),
      with: {
        children: { orderBy: asc(categories.id), with: { children: { orderBy: asc(categories.id) } } },
      },
    })
    const all = await load()
    const childrenOf = groupBy(all.categories, (c) => c.parentId)
    expect(down).toEqual(
      childrenOf(null).map((c) => ({
        ...c,
        children: childrenOf(c.id).map((child) => ({ ...child, children: childrenOf(child.id) })),
      })),
    )
    expect(down[0]!.children[0]!.children.map((c) => c.name)).toEqual(['grandchild'])

    const up = await db.query.categories.findMany({
      orderBy: asc(categories.id),
      with: { parent: { with: { parent: true } } },
    })
    const category = byId(all.categories)
    expect(up).toEqual(
      all.categories.map((c) => {
        const parent = category(c.parentId)
        return { ...c, parent: parent && { ...parent, parent: category(parent.parentId) } }
      }),
    )
  })

  it('finds the first row, or undefined', async () => {
    const dee = await db.query.users.findFirst({
      where: eq(users.name, 'Dee'),
      with: { posts: { orderBy: asc(posts.id) } },
    })
    const [expectedDee] = await db.select().from(users).where(eq(users.name, 'Dee'))
    const deePosts = await db
      .select()
      .from(posts)
      .where(eq(posts.authorId, expectedDee!.id))
      .orderBy(asc(posts.id))
    expect(dee).toEqual({ ...expectedDee, posts: deePosts })

    const last = await db.query.users.findFirst({ columns: { name: true }, orderBy: desc(users.name) })
    expect(last).toEqual({ name: 'Dee' })

    const offset = await db.query.users.findFirst({
      columns: { name: true },
      orderBy: asc(users.name),
      offset: 1,
    })
    expect(offset).toEqual({ name: 'Bob' })

    const none = await db.query.users.findFirst({ where: eq(users.name, 'Nobody'), with: { posts: true } })
    expect(none).toBeUndefined()
  })

  it('computes extras at the root and at nested levels: correlated scalar subqueries and sql fragments', async () => {
    const rows = await db.query.users.findMany({
      columns: { id: true },
      orderBy: asc(users.id),
      extras: {
        postCount: scalar(
          select({ n: count() })
            .from(posts)
            .where(eq(posts.authorId, outer(users.id))),
        ),
        nameLength: sql<number>`length(${users.name})`,
      },
      with: {
        posts: {
          columns: { id: true },
          orderBy: asc(posts.id),
          extras: {
            commentCount: scalar(
              select({ n: count() })
                .from(comments)
                .where(eq(comments.postId, outer(posts.id))),
            ),
            titleLength: sql<number>`length(${posts.title})`,
            doubled: sql<number>`${posts.score} * 2`,
          },
        },
      },
    })
    const all = await load()
    const postCounts = new Map(
      (await db.select({ authorId: posts.authorId, n: count() }).from(posts).groupBy(posts.authorId)).map(
        (r) => [r.authorId, r.n],
      ),
    )
    const commentCounts = new Map(
      (await db.select({ postId: comments.postId, n: count() }).from(comments).groupBy(comments.postId)).map(
        (r) => [r.postId, r.n],
      ),
    )
    const postsByAuthor = groupBy(all.posts, (p) => p.authorId)
    expect(rows).toEqual(
      all.users.map((u) => ({
        id: u.id,
        postCount: postCounts.get(u.id) ?? 0,
        nameLength: u.name.length,
        posts: postsByAuthor(u.id).map((p) => ({
          id: p.id,
          commentCount: commentCounts.get(p.id) ?? 0,
          titleLength: p.title.length,
          doubled: p.score === null ? null : p.score * 2,
        })),
      })),
    )
    expect(typeof rows[0]!.postCount).toBe('number')
  })

  it('reads a nullable column given as an extra as null where it is NULL', async () => {
    const rows = await db.query.users.findMany({
      columns: { name: true },
      orderBy: asc(users.id),
      extras: { mail: users.email },
      with: { posts: { columns: { id: true }, orderBy: asc(posts.id), extras: { points: posts.score } } },
    })
    const all = await load()
    const postsByAuthor = groupBy(all.posts, (p) => p.authorId)
    expect(rows).toEqual(
      all.users.map((u) => ({
        name: u.name,
        mail: u.email,
        posts: postsByAuthor(u.id).map((p) => ({ id: p.id, points: p.score })),
      })),
    )
    expect(rows.find((r) => r.name === 'Dee')!.mail).toBeNull()
    expect(rows[0]!.posts.map((p) => p.points)).toContain(null)
  })

  it('evaluates a nested subquery over a table of an enclosing level in its own scope', async () => {
    // The subquery reads r_users itself; the root level also reads r_users (as t0).
    const activeUsers = scalar(select({ n: count() }).from(users).where(eq(users.active, true)))
    const [expected] = await db.select({ n: count() }).from(users).where(eq(users.active, true))
    const rows = await db.query.users.findMany({
      columns: { name: true },
      orderBy: asc(users.id),
      with: { posts: { columns: { id: true }, extras: { activeUsers }, limit: 1 } },
    })
    expect(rows.flatMap((u) => u.posts.map((p) => p.activeUsers))).toEqual([
      expected!.n,
      expected!.n,
      expected!.n,
    ])
    // With an alias the subquery has its own name and works.
    const u2 = alias(users, 'u2')
    const aliased = await db.query.users.findMany({
      columns: { name: true },
      orderBy: asc(users.id),
      with: {
        posts: {
          columns: { id: true },
          limit: 1,
          extras: { activeUsers: scalar(select({ n: count() }).from(u2).where(eq(u2.active, true))) },
        },
      },
    })
    expect(aliased.flatMap((u) => u.posts.map((p) => p.activeUsers))).toEqual([3, 3, 3])
  })

  it('follows a many-to-many relation through its junction table', async () => {
    const rows = await db.query.posts.findMany({
      columns: { id: true, title: true },
      orderBy: asc(posts.id),
      with: { tags: { orderBy: desc(tags.name), with: { postTags: { columns: { postId: true } } } } },
    })
    const all = await load()
    const links = await db
      .select({ postId: postTags.postId, tag: { id: tags.id, name: tags.name } })
      .from(postTags)
      .innerJoin(tags, eq(tags.id, postTags.tagId))
      .orderBy(desc(tags.name))
    const tagsByPost = groupBy(links, (l) => l.postId)
    const postsOfTag = groupBy(
      await db.select({ postId: postTags.postId, tagId: postTags.tagId }).from(postTags),
      (l) => l.tagId,
    )
    const expected = all.posts.map((p) => ({
      id: p.id,
      title: p.title,
      tags: tagsByPost(p.id).map((l) => ({
        ...l.tag,
        postTags: postsOfTag(l.tag.id).map((x) => ({ postId: x.postId })),
      })),
    }))
    // The junction's own rows come back unordered; compare them as sets.
    const sorted = <T extends { tags: { postTags: { postId: number }[] }[] }>(rs: T[]) =>
      rs.map((r) => ({
        ...r,
        tags: r.tags.map((t) => ({ ...t, postTags: [...t.postTags].sort((a, b) => a.postId - b.postId) })),
      }))
    expect(sorted(rows)).toEqual(sorted(expected))
    expect(rows.map((p) => p.tags.map((t) => t.name))).toEqual([['ts', 'sql'], ['ts'], [], ['sql'], [], []])

    const limited = await db.query.tags.findMany({
      orderBy: asc(tags.id),
      with: {
        postTags: { orderBy: desc(postTags.postId), limit: 1, with: { post: { columns: { title: true } } } },
      },
    })
    const post = byId(all.posts)
    const junction = groupBy(await db.select().from(postTags).orderBy(desc(postTags.postId)), (l) => l.tagId)
    expect(limited).toEqual(
      (await db.select().from(tags).orderBy(asc(tags.id))).map((t) => ({
        ...t,
        postTags: junction(t.id)
          .slice(0, 1)
          .map((l) => ({ ...l, post: { title: post(l.postId)!.title } })),
      })),
    )
  })

  it('filters and limits a many-to-many level', async () => {
    const rows = await db.query.posts.findMany({
      columns: { id: true },
      where: inArray(posts.id, [1, 2, 4]),
      orderBy: asc(posts.id),
      with: { tags: { where: ne(tags.name, 'ts'), orderBy: asc(tags.id), limit: 5 } },
    })
    const links = await db
      .select({ postId: postTags.postId, tag: { id: tags.id, name: tags.name } })
      .from(postTags)
      .innerJoin(tags, eq(tags.id, postTags.tagId))
      .where(ne(tags.name, 'ts'))
      .orderBy(asc(tags.id))
    const tagsByPost = groupBy(links, (l) => l.postId)
    const expectedPosts = await db
      .select({ id: posts.id })
      .from(posts)
      .where(inArray(posts.id, [1, 2, 4]))
      .orderBy(asc(posts.id))
    expect(rows).toEqual(expectedPosts.map((p) => ({ id: p.id, tags: tagsByPost(p.id).map((l) => l.tag) })))
    expect(rows.map((p) => p.tags.length)).toEqual([1, 0, 1])
  })

  it('reads a table at several levels: users → posts → author → posts', async () => {
    const rows = await db.query.users.findMany({
      columns: { id: true, name: true },
      where: ne(users.name, 'Cy'),
      orderBy: asc(users.id),
      with: {
        posts: {
          columns: { id: true, title: true },
          where: isNotNull(posts.score),
          orderBy: asc(posts.id),
          with: {
            author: {
              columns: { name: true },
              with: { posts: { columns: { id: true }, where: isNull(posts.score), orderBy: asc(posts.id) } },
            },
          },
        },
      },
    })
    const all = await load()
    const user = byId(all.users)
    const scored = groupBy(
      all.posts.filter((p) => p.score !== null),
      (p) => p.authorId,
    )
    const unscored = groupBy(
      all.posts.filter((p) => p.score === null),
      (p) => p.authorId,
    )
    expect(rows).toEqual(
      all.users
        .filter((u) => u.name !== 'Cy')
        .map((u) => ({
          id: u.id,
          name: u.name,
          posts: scored(u.id).map((p) => ({
            id: p.id,
            title: p.title,
            author: {
              name: user(p.authorId)!.name,
              posts: unscored(p.authorId).map((x) => ({ id: x.id })),
            },
          })),
        })),
    )
  })

  it('runs in a transaction and sees the rows written in it', async () => {
    const rollback = new Error('rollback')
    await expect(
      db.transaction(async (tx) => {
        const [eve] = await tx.insert(users).values({ name: 'Eve' }).returning()
        await tx.insert(posts).values({ authorId: eve!.id, title: 'Eve one', createdAt: new Date(0) })
        const rows = await tx.query.users.findMany({
          columns: { name: true },
          where: eq(users.name, 'Eve'),
          with: { posts: { columns: { title: true } } },
        })
        expect(rows).toEqual([{ name: 'Eve', posts: [{ title: 'Eve one' }] }])
        const nested = await tx.transaction(async (inner) =>
          inner.query.posts.findFirst({
            columns: { title: true },
            where: eq(posts.authorId, eve!.id),
            with: { author: { columns: { name: true } } },
          }),
        )
        expect(nested).toEqual({ title: 'Eve one', author: { name: 'Eve' } })
        throw rollback
      }),
    ).rejects.toBe(rollback)
    expect(await db.query.users.findFirst({ where: eq(users.name, 'Eve') })).toBeUndefined()
  })

  it('prepares once and runs with placeholder values, at the root and nested', async () => {
    const prepared = db.query.users
      .findMany({
        columns: { name: true },
        where: eq(users.id, placeholder('id')),
        with: {
          posts: {
            columns: { title: true },
            where: gt(posts.score, placeholder('min')),
            orderBy: asc(posts.id),
          },
        },
      })
      .prepare()
    const expected = async (id: number, min: number) => {
      const found = await db.select({ name: users.name }).from(users).where(eq(users.id, id))
      const titles = await db
        .select({ title: posts.title })
        .from(posts)
        .where(and(eq(posts.authorId, id), gt(posts.score, min)))
        .orderBy(asc(posts.id))
      return found.map((u) => ({ ...u, posts: titles }))
    }
    for (const [id, min] of [
      [1, 0],
      [4, 5],
      [99, 0],
    ] as const) {
      expect(await prepared.execute({ id, min })).toEqual(await expected(id, min))
    }
    expect((await prepared.execute({ id: 1, min: 0 }))[0]!.posts).toHaveLength(2)

    const first = db.query.users
      .findFirst({ columns: { name: true }, where: eq(users.id, placeholder('id')) })
      .prepare()
    expect(await first.execute({ id: 2 })).toEqual(
      (await db.select({ name: users.name }).from(users).where(eq(users.id, 2)))[0],
    )
    expect(await first.execute({ id: 99 })).toBeUndefined()
  })

  it('refuses to run with placeholders without prepare()', async () => {
    await expect(
      db.query.users.findMany({ where: eq(users.id, placeholder('id')) }).execute(),
    ).rejects.toThrow(/placeholders \(id\).*prepare\(\)/)
  })

  describe('the root limit', () => {
    /** Runs fn over 1000 more users (each with a post and a comment), then rolls them back. */
    async function withManyUsers(
      fn: (tx: Parameters<Parameters<BlogDatabase['transaction']>[0]>[0]) => Promise<void>,
    ) {
      const done = new Error('done')
      try {
        await db.transaction(async (tx) => {
          await tx.execute(
            sql`insert into r_users (name) select 'user ' || g from generate_series(1, 1000) g`,
          )
          await tx.execute(
            sql`insert into r_posts (author_id, title, created_at) select id, 'post of ' || name, now() from r_users`,
          )
          await tx.execute(
            sql`insert into r_comments (post_id, author_id, body) select id, author_id, 'c' from r_posts`,
          )
          await tx.execute(sql`analyze r_users`)
          await fn(tx)
          throw done
        })
      } catch (error) {
        if (error !== done) throw error
      }
    }

    interface PlanNode {
      'Node Type': string
      'Parent Relationship'?: string
      'Actual Loops'?: number
      Plans?: PlanNode[]
    }

    /** The subplans of the root level (not those nested in other subplans), with the path of nodes above each. */
    function rootSubplans(node: PlanNode, above: string[] = []): { above: string[]; loops: number }[] {
      const found: { above: string[]; loops: number }[] = []
      for (const child of node.Plans ?? []) {
        if (child['Parent Relationship'] === 'SubPlan') {
          found.push({ above: [...above, node['Node Type']], loops: child['Actual Loops'] ?? Number.NaN })
        } else found.push(...rootSubplans(child, [...above, node['Node Type']]))
      }
      return found
    }

    async function explain(
      tx: { execute: BlogDatabase['execute'] },
      query: { toSQL(): { sql: string; params: readonly (string | null)[] } },
    ) {
      const { sql: text, params } = query.toSQL()
      const { rows } = await tx.execute<{ 'QUERY PLAN': { Plan: PlanNode }[] }>({
        sql: `explain (analyze, costs off, timing off, format json) ${text}`,
        params,
      })
      return rows[0]!['QUERY PLAN'][0]!.Plan
    }

    it('is applied before relations are loaded: each relation subplan runs once for limit 1', async () => {
      await withManyUsers(async (tx) => {
        const query = tx.query.users.findMany({
          orderBy: desc(users.name),
          limit: 1,
          with: { posts: { with: { comments: true } }, comments: { limit: 5 } },
        })
        const plan = await explain(tx, query)
        const subplans = rootSubplans(plan)
        expect(subplans).toHaveLength(2)
        for (const subplan of subplans) {
          expect(subplan.above).not.toContain('Sort')
          expect(subplan.loops).toBe(1)
        }
        expect(plan['Node Type']).toBe('Limit')
        const rows = await query
        expect(rows).toHaveLength(1)
        expect(rows[0]!.posts[0]!.comments).toHaveLength(1)
      })
    })

    it('is applied before relations are loaded, with an offset too: skipped rows load no relations', async () => {
      await withManyUsers(async (tx) => {
        const query = tx.query.users.findMany({
          orderBy: desc(users.name),
          limit: 1,
          offset: 500,
          with: { posts: { with: { comments: true } } },
        })
        const subplans = rootSubplans(await explain(tx, query))
        expect(subplans.map((s) => s.loops)).toEqual([1])
      })
    })

    it('findFirst over many rows with relations runs quickly', async () => {
      await withManyUsers(async (tx) => {
        const started = performance.now()
        const first = await tx.query.users.findFirst({
          orderBy: asc(users.id),
          with: { posts: { with: { comments: { with: { author: { with: { posts: true } } } } } } },
        })
        expect(first?.name).toBe('Ada')
        expect(performance.now() - started).toBeLessThan(5_000)
      })
    })
  })
})
