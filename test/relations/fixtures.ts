import { createDatabase, type Database, type Driver, many, one, type RelationalQueries, sql } from 'tidemark'
import {
  type AnyColumn,
  boolean,
  integer,
  primaryKey,
  renderCreate,
  serial,
  table,
  text,
  timestamptz,
  toModel,
} from 'tidemark/pg'
import type { DatabaseOptions } from '../../src/database/database.js'
import type { Target } from '../support/databases.js'

export const users = table('r_users', {
  id: serial().primaryKey(),
  name: text().notNull(),
  email: text(),
  active: boolean().notNull().default(true),
})

export const categories = table('r_categories', {
  id: integer().primaryKey(),
  parentId: integer('parent_id').references((): AnyColumn => categories.id),
  name: text().notNull(),
})

export const posts = table('r_posts', {
  id: serial().primaryKey(),
  authorId: integer('author_id')
    .notNull()
    .references(() => users.id),
  categoryId: integer('category_id').references(() => categories.id),
  title: text().notNull(),
  score: integer(),
  createdAt: timestamptz('created_at').notNull(),
})

export const comments = table('r_comments', {
  id: serial().primaryKey(),
  postId: integer('post_id')
    .notNull()
    .references(() => posts.id),
  authorId: integer('author_id').references(() => users.id),
  body: text().notNull(),
})

export const tags = table('r_tags', {
  id: serial().primaryKey(),
  name: text().notNull(),
})

export const postTags = table(
  'r_post_tags',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id),
  },
  (t) => [primaryKey(t.postId, t.tagId)],
)

export const schema = { users, posts, comments, categories, tags, postTags }

export const relations = {
  categories: {
    parent: one(categories.parentId, categories.id),
    children: many(categories.id, categories.parentId),
  },
  posts: { tags: many(posts.id, tags.id, { through: [postTags.postId, postTags.tagId] }) },
}

/** A database over the target's connection that knows the schema and its relations, typed as users see it. */
export function relational<S, R>(
  target: Target,
  options: DatabaseOptions<S, R>,
): Database<RelationalQueries<S, R>> {
  return target.withOptions(options as DatabaseOptions) as unknown as Database<RelationalQueries<S, R>>
}

/** A database that never reaches a server: for toSQL() and for errors raised before anything runs. */
export function offline<S, R>(options: DatabaseOptions<S, R>): Database<RelationalQueries<S, R>> {
  const refuse = () => Promise.reject(new Error('offline: nothing runs here'))
  const driver: Driver = { query: refuse, transaction: refuse, close: async () => {} }
  return createDatabase(driver, options)
}

export function blogDatabase(target: Target) {
  return relational(target, { schema, relations })
}

export async function createTables(db: Database, tables: Record<string, unknown>): Promise<void> {
  for (const statement of renderCreate(toModel(tables))) await db.execute(sql.raw(statement))
}

const at = (day: number) => new Date(Date.UTC(2024, 0, day, 12))

/**
 * Ada: 3 posts (one without comments), Bob: 1 post, Cy: none (and inactive), Dee: 2 posts, no email.
 * Comment 4 has no author. Categories: 1 > 2 > 3, 1 > 4, 5 alone.
 */
export async function seedBlog(db: Database): Promise<void> {
  await db.insert(users).values([
    { name: 'Ada', email: 'ada@example.com' },
    { name: 'Bob', email: 'bob@example.com' },
    { name: 'Cy', email: 'cy@example.com', active: false },
    { name: 'Dee', email: null },
  ])
  await db.insert(categories).values([
    { id: 1, parentId: null, name: 'root' },
    { id: 2, parentId: 1, name: 'child a' },
    { id: 3, parentId: 2, name: 'grandchild' },
    { id: 4, parentId: 1, name: 'child b' },
    { id: 5, parentId: null, name: 'lonely' },
  ])
  await db.insert(posts).values([
    { authorId: 1, categoryId: 2, title: 'Ada one', score: 5, createdAt: at(1) },
    { authorId: 1, categoryId: 3, title: 'Ada two', score: null, createdAt: at(3) },
    { authorId: 1, categoryId: null, title: 'Ada three', score: 5, createdAt: at(2) },
    { authorId: 2, categoryId: 2, title: 'Bob one', score: 1, createdAt: at(4) },
    { authorId: 4, categoryId: 4, title: 'Dee one', score: null, createdAt: at(5) },
    { authorId: 4, categoryId: 1, title: 'Dee two', score: 9, createdAt: at(6) },
  ])
  await db.insert(comments).values([
    { postId: 1, authorId: 2, body: 'nice' },
    { postId: 1, authorId: 4, body: 'agreed' },
    { postId: 1, authorId: 1, body: 'thanks' },
    { postId: 2, authorId: null, body: 'anonymous' },
    { postId: 4, authorId: 1, body: 'welcome' },
    { postId: 5, authorId: 2, body: 'hi Dee' },
    { postId: 5, authorId: 1, body: 'hello Dee' },
  ])
  await db.insert(tags).values([{ name: 'sql' }, { name: 'ts' }, { name: 'unused' }])
  await db.insert(postTags).values([
    { postId: 1, tagId: 1 },
    { postId: 1, tagId: 2 },
    { postId: 2, tagId: 2 },
    { postId: 4, tagId: 1 },
  ])
}
