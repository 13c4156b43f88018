import type { PGlite } from '@electric-sql/pglite'
import {
  asc,
  count,
  desc,
  eq,
  type InferSelect,
  isNull,
  many,
  one,
  outer,
  placeholder,
  scalar,
  select,
  sql,
} from 'tidemark'
import { type AnyColumn, integer, serial, table, text } from 'tidemark/pg'
import { fromPGlite } from 'tidemark/pglite'
import { describe, expectTypeOf, it } from 'vitest'
import { categories, type comments, posts, relations, schema, type tags, users } from './fixtures.js'

declare const client: PGlite
const db = fromPGlite(client, { schema, relations })

type User = InferSelect<typeof users>
type Post = InferSelect<typeof posts>
type Comment = InferSelect<typeof comments>
type Category = InferSelect<typeof categories>
type Tag = InferSelect<typeof tags>
/** An intersection as one object type, as results are written. */
type Row<T> = { [K in keyof T]: T[K] }

describe('result types', () => {
  it('gives every column without a config, and nothing else', async () => {
    expectTypeOf(await db.query.users.findMany()).toEqualTypeOf<User[]>()
    expectTypeOf(await db.query.users.findMany({})).toEqualTypeOf<User[]>()
    expectTypeOf(
      await db.query.posts.findMany({ where: eq(posts.id, 1), orderBy: desc(posts.id) }),
    ).toEqualTypeOf<Post[]>()
  })

  it('gives only the true columns, or all but the false ones', async () => {
    expectTypeOf(await db.query.users.findMany({ columns: { id: true, name: true } })).toEqualTypeOf<
      { id: number; name: string }[]
    >()
    expectTypeOf(await db.query.users.findMany({ columns: { id: true, name: false } })).toEqualTypeOf<
      { id: number }[]
    >()
    expectTypeOf(await db.query.users.findMany({ columns: { email: false, active: false } })).toEqualTypeOf<
      { id: number; name: string }[]
    >()
  })

  it('makes one-relations nullable exactly when the foreign key column is', async () => {
    const rows = await db.query.comments.findMany({ with: { post: true, author: true } })
    expectTypeOf(rows).toEqualTypeOf<Row<Comment & { post: Post; author: User | null }>[]>()
    const withCategory = await db.query.posts.findMany({
      columns: { id: true },
      with: { author: { columns: { name: true } }, category: { columns: { name: true } } },
    })
    expectTypeOf(withCategory).toEqualTypeOf<
      { id: number; author: { name: string }; category: { name: string } | null }[]
    >()
  })

  it('makes a one-relation with a where nullable', async () => {
    const rows = await db.query.posts.findMany({
      columns: { id: true },
      with: { author: { columns: { name: true }, where: eq(users.active, true) } },
    })
    expectTypeOf(rows).toEqualTypeOf<{ id: number; author: { name: string } | null }[]>()
  })

  it('gives arrays for many-relations, to any depth', async () => {
    const rows = await db.query.users.findMany({
      columns: { name: true },
      with: {
        posts: {
          columns: { title: true },
          orderBy: desc(posts.createdAt),
          limit: 3,
          with: { comments: { columns: { body: true }, with: { author: { columns: { name: true } } } } },
        },
      },
    })
    expectTypeOf(rows).toEqualTypeOf<
      {
        name: string
        posts: { title: string; comments: { body: string; author: { name: string } | null }[] }[]
      }[]
    >()
    expectTypeOf(await db.query.users.findMany({ with: { posts: true } })).toEqualTypeOf<
      Row<User & { posts: Post[] }>[]
    >()
  })

  it('types declared relations: a self-relation both ways and many-to-many', async () => {
    const rows = await db.query.categories.findMany({
      where: isNull(categories.parentId),
      with: { parent: true, children: { with: { children: { columns: { id: true } } } } },
    })
    expectTypeOf(rows).toEqualTypeOf<
      Row<
        Category & { parent: Category | null; children: Row<Category & { children: { id: number }[] }>[] }
      >[]
    >()
    expectTypeOf(
      await db.query.posts.findMany({ columns: { id: true }, with: { tags: true } }),
    ).toEqualTypeOf<{ id: number; tags: Tag[] }[]>()
  })

  it('types a table at several levels by each level’s own config', async () => {
    const rows = await db.query.users.findMany({
      columns: { id: true },
      with: {
        posts: {
          columns: { id: true },
          with: { author: { columns: { name: true }, with: { posts: true } } },
        },
      },
    })
    expectTypeOf(rows).toEqualTypeOf<
      { id: number; posts: { id: number; author: { name: string; posts: Post[] } }[] }[]
    >()
  })

  it('types extras by their expressions', async () => {
    const rows = await db.query.users.findMany({
      columns: { id: true },
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
          columns: {},
          extras: { titleLength: sql<number>`length(${posts.title})`, n: count(posts.id) },
        },
      },
    })
    expectTypeOf(rows).toEqualTypeOf<
      {
        id: number
        postCount: number | null
        nameLength: number
        posts: Row<Post & { titleLength: number; n: number }>[]
      }[]
    >()
  })

  it('types a column given as an extra as the column is read, nullable when it is', async () => {
    const rows = await db.query.users.findMany({ columns: { id: true }, extras: { mail: users.email } })
    expectTypeOf(rows).toEqualTypeOf<{ id: number; mail: string | null }[]>()
  })

  it('gives findFirst one row or undefined', async () => {
    expectTypeOf(await db.query.users.findFirst()).toEqualTypeOf<User | undefined>()
    expectTypeOf(
      await db.query.users.findFirst({ columns: { name: true }, with: { posts: { columns: { id: true } } } }),
    ).toEqualTypeOf<{ name: string; posts: { id: number }[] } | undefined>()
  })

  it('prepares with the same result type', async () => {
    const prepared = db.query.users
      .findMany({ columns: { id: true }, where: eq(users.id, placeholder('id')) })
      .prepare()
    expectTypeOf(await prepared.execute({ id: 1 })).toEqualTypeOf<{ id: number }[]>()
  })

  it('gives the same types in a transaction', async () => {
    await db.transaction(async (tx) => {
      expectTypeOf(
        await tx.query.users.findFirst({ columns: { id: true }, with: { posts: true } }),
      ).toEqualTypeOf<{ id: number; posts: Post[] } | undefined>()
    })
  })
})

describe('configs that do not compile', () => {
  it('refuses an unknown relation at any depth', () => {
    // @ts-expect-error: not a relation of users
    db.query.users.findMany({ with: { nope: true } })
    // @ts-expect-error: not a relation of posts
    db.query.users.findMany({ with: { posts: { with: { nope: true } } } })
    // @ts-expect-error: not a relation of comments
    db.query.users.findMany({ with: { posts: { with: { comments: { with: { nope: true } } } } } })
    // @ts-expect-error: not a relation of users, through a one-relation
    db.query.posts.findMany({ with: { author: { with: { tags: true } } } })
  })

  it('refuses an unknown column', () => {
    // @ts-expect-error: not a column of users
    db.query.users.findMany({ columns: { nope: true } })
    // @ts-expect-error: a column of users, not of posts
    db.query.users.findMany({ with: { posts: { columns: { name: true } } } })
    // @ts-expect-error: not a column of users
    db.query.users.findFirst({ columns: { nope: false } })
  })

  it('refuses an unknown option', () => {
    // @ts-expect-error: not an option
    db.query.users.findMany({ limt: 1 })
    // @ts-expect-error: not an option
    db.query.users.findMany({ with: { posts: { sort: desc(posts.id) } } })
    // @ts-expect-error: not an option
    db.query.users.findFirst({ with: { posts: { with: { comments: { columnz: {} } } } } })
  })

  it('refuses a where, orderBy or extra over a table that is not the level’s table', () => {
    // @ts-expect-error: where over posts at the users level
    db.query.users.findMany({ where: eq(posts.id, 1) })
    // @ts-expect-error: where over users at the posts level
    db.query.users.findMany({ with: { posts: { where: eq(users.id, 1) } } })
    // @ts-expect-error: orderBy over users at the posts level
    db.query.users.findMany({ with: { posts: { orderBy: asc(users.name) } } })
    // @ts-expect-error: an extra over posts at the users level
    db.query.users.findMany({ extras: { n: count(posts.id) } })
  })

  it('refuses limit and offset on a one-relation, as the run time does', () => {
    // @ts-expect-error: limit on a one-relation
    db.query.posts.findMany({ with: { author: { limit: 1 } } })
    // @ts-expect-error: offset on a one-relation
    db.query.posts.findMany({ with: { author: { offset: 1 } } })
  })

  it('refuses limit in findFirst, whose limit is 1', () => {
    // @ts-expect-error: findFirst takes no limit
    db.query.users.findFirst({ limit: 5 })
  })
})

describe('relations the types infer, or leave out, like the run time', () => {
  const people = table('t_people', { id: serial().primaryKey(), name: text().notNull() })
  const articles = table('t_articles', {
    id: serial().primaryKey(),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    editorId: integer('editor_id').references(() => people.id),
  })
  const nodes = table('t_nodes', {
    id: integer().primaryKey(),
    parentId: integer('parent_id').references((): AnyColumn => nodes.id),
  })
  const loose = fromPGlite(client, { schema: { people, articles, nodes } })

  it('leaves out a many-relation two foreign keys would name, keeping both one-relations', async () => {
    // @ts-expect-error: people.articles is ambiguous (author_id and editor_id)
    loose.query.people.findMany({ with: { articles: true } })
    const rows = await loose.query.articles.findMany({
      columns: { id: true },
      with: { author: true, editor: true },
    })
    expectTypeOf(rows).toEqualTypeOf<
      { id: number; author: InferSelect<typeof people>; editor: InferSelect<typeof people> | null }[]
    >()
  })

  it('leaves out an undeclared self-reference, and types a declared one', async () => {
    // @ts-expect-error: a self-reference must be declared
    loose.query.nodes.findMany({ with: { parent: true } })
    const declared = fromPGlite(client, {
      schema: { people, articles, nodes },
      relations: {
        nodes: { parent: one(nodes.parentId, nodes.id), children: many(nodes.id, nodes.parentId) },
        people: { written: many(people.id, articles.authorId) },
      },
    })
    type Node = InferSelect<typeof nodes>
    expectTypeOf(
      await declared.query.nodes.findMany({ with: { parent: true, children: true } }),
    ).toEqualTypeOf<Row<Node & { parent: Node | null; children: Node[] }>[]>()
    expectTypeOf(
      await declared.query.people.findMany({
        columns: { id: true },
        with: { written: { columns: { id: true } } },
      }),
    ).toEqualTypeOf<{ id: number; written: { id: number }[] }[]>()
    // Declared apart from the options, one() keeps its nullability...
    const apart = { articles: { writtenBy: one(articles.authorId, people.id) } }
    const declaredApart = fromPGlite(client, { schema: { people, articles }, relations: apart })
    expectTypeOf(
      await declaredApart.query.articles.findMany({
        columns: {},
        with: { writtenBy: { columns: { id: true } } },
      }),
    ).toEqualTypeOf<{ id: number; authorId: number; editorId: number | null; writtenBy: { id: number } }[]>()
    // ...and written inline, as users write it, too.
    const inline = fromPGlite(client, {
      schema: { people, articles },
      relations: { articles: { writtenBy: one(articles.authorId, people.id) } },
    })
    // Inline, one() must not take its nullability from the options' contextual type.
    expectTypeOf(
      await inline.query.articles.findMany({
        columns: { id: true },
        with: { writtenBy: { columns: { id: true } } },
      }),
    ).toEqualTypeOf<{ id: number; writtenBy: { id: number } }[]>()
    // A declared one() may say its row is always there.
    const sure = fromPGlite(client, {
      schema: { nodes },
      relations: { nodes: { parent: one(nodes.parentId, nodes.id, { nullable: false }) } },
    })
    expectTypeOf(
      await sure.query.nodes.findMany({ columns: { id: true }, with: { parent: { columns: { id: true } } } }),
    ).toEqualTypeOf<{ id: number; parent: { id: number } }[]>()
  })

  it('has no query entry for what is not a table', () => {
    const withOther = fromPGlite(client, { schema: { people, version: 3 } })
    // @ts-expect-error: version is not a table
    withOther.query.version
    expectTypeOf(withOther.query.people.findMany).toBeFunction()
  })
})
