import { eq, many, one, sql, TidemarkError } from 'tidemark'
import { type AnyColumn, integer, jsonb, serial, table, text } from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { offline, posts, relations, schema, users } from './fixtures.js'

/** Runs fn and returns the TidemarkError it throws (failing the test when it throws nothing or another error). */
function failure(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(TidemarkError)
    return (error as Error).message
  }
  throw new Error('expected a TidemarkError, got none')
}

const people = table('e_people', { id: serial().primaryKey(), name: text(), stories: jsonb() })
const articles = table('e_articles', {
  id: serial().primaryKey(),
  authorId: integer('author_id')
    .notNull()
    .references(() => people.id),
  editorId: integer('editor_id').references(() => people.id),
  title: text(),
})
const nodes = table('e_nodes', {
  id: integer().primaryKey(),
  parentId: integer('parent_id').references((): AnyColumn => nodes.id),
})
const notes = table('e_notes', {
  id: serial().primaryKey(),
  person: text(),
  personId: integer('person_id').references(() => people.id),
  owner: integer().references(() => people.id),
})
/** stories.personId → people, but people has a column named stories. */
const stories = table('e_stories', {
  id: serial().primaryKey(),
  personId: integer('person_id').references(() => people.id),
})
const accounts = table('e_accounts', {
  id: serial().primaryKey(),
  profileId: integer('profile_id').references((): AnyColumn => profile.id),
})
/** Its key, `profile`, is also the one-name of accounts.profileId. */
const profile = table('e_profiles', {
  id: serial().primaryKey(),
  accountId: integer('account_id').references(() => accounts.id),
})
const elsewhere = table('e_elsewhere', { id: serial().primaryKey() })

const tricky = { people, articles, nodes, notes, stories, accounts, profile }

describe('relations foreign keys do not settle', () => {
  const db = offline({ schema: tricky })

  it('leaves out a many-relation two foreign keys would name, and says which keys and how to declare them', () => {
    const message = failure(() => db.query.people.findMany({ with: { articles: true } } as never))
    expect(message).toContain("people has no relation 'articles'")
    expect(message).toContain('several foreign keys')
    expect(message).toContain('articles.authorId → people.id')
    expect(message).toContain('articles.editorId → people.id')
    expect(message).toMatch(/declare each under its own name.*one\(\) \/ many\(\)/)
    // The one-relations of those keys are fine.
    expect(() => db.query.articles.findMany({ with: { author: true, editor: true } })).not.toThrow()
  })

  it('leaves out a self-reference and shows how to declare both directions', () => {
    const message = failure(() => db.query.nodes.findMany({ with: { parent: true } } as never))
    expect(message).toContain("nodes has no relation 'parent'")
    expect(message).toContain('nodes.parentId references nodes.id (a self-reference)')
    expect(message).toContain('parent: one(nodes.parentId, nodes.id)')
    expect(message).toContain('children: many(nodes.id, nodes.parentId)')
    const children = failure(() => db.query.nodes.findMany({ with: { children: true } } as never))
    expect(children).toContain("nodes has no relation 'children'")
    expect(children).toContain(
      'Foreign keys that gave none: nodes.parentId references nodes.id (a self-reference)',
    )
  })

  it('leaves out a one-relation whose name is a column, or whose column name does not end in Id', () => {
    const taken = failure(() => db.query.notes.findMany({ with: { person: true } } as never))
    expect(taken).toContain("notes has no relation 'person'")
    expect(taken).toContain('notes.personId references people.id but notes.person is a column')
    expect(taken).toContain('personRow: one(notes.personId, people.id)')
    const unnamed = failure(() => db.query.notes.findMany({ with: { owner: true } } as never))
    expect(unnamed).toContain("notes has no relation 'owner'")
    expect(unnamed).toContain('does not end in Id or _id')
    expect(unnamed).toContain('ownerRow: one(notes.owner, people.id)')
  })

  it('leaves out a many-relation whose name is a column of the referenced table', () => {
    const message = failure(() => db.query.people.findMany({ with: { stories: true } } as never))
    expect(message).toContain("people has no relation 'stories'")
    expect(message).toContain('stories.personId references people.id but people.stories is a column')
    expect(message).toContain('declare the relation under another name')
  })

  it('leaves out a name that a one-relation and a many-relation would share', () => {
    const message = failure(() => db.query.accounts.findMany({ with: { profile: true } } as never))
    expect(message).toContain("accounts has no relation 'profile'")
    expect(message).toContain('accounts.profileId → profile.id')
    expect(message).toContain('profile.accountId → accounts.id')
    expect(message).toContain('profileA')
  })

  it('lists the relations there are when asked for one that does not exist', () => {
    const message = failure(() => db.query.articles.findMany({ with: { nope: true } } as never))
    expect(message).toContain("articles has no relation 'nope' (relations: author, editor)")
    expect(message).toContain('.references()')
    const nested = failure(() =>
      offline({ schema, relations }).query.users.findMany({
        with: { posts: { with: { comments: { with: { nope: true } } } } },
      } as never),
    )
    expect(nested).toContain("comments has no relation 'nope' (relations: post, author)")
  })

  it('lets a declared relation settle what foreign keys did not', () => {
    const declared = offline({
      schema: tricky,
      relations: {
        people: { articles: many(people.id, articles.authorId), edited: many(people.id, articles.editorId) },
        nodes: { parent: one(nodes.parentId, nodes.id), children: many(nodes.id, nodes.parentId) },
        notes: { personRow: one(notes.personId, people.id) },
      },
    })
    expect(
      declared.query.people
        .findMany({ columns: { id: true }, with: { articles: { columns: { id: true } } } })
        .toSQL().sql,
    ).toContain('"t1"."author_id" = "t0"."id"')
    expect(
      declared.query.people
        .findMany({ columns: { id: true }, with: { edited: { columns: { id: true } } } })
        .toSQL().sql,
    ).toContain('"t1"."editor_id" = "t0"."id"')
    expect(() => declared.query.nodes.findMany({ with: { parent: true, children: true } })).not.toThrow()
    expect(() => declared.query.notes.findMany({ with: { personRow: true } })).not.toThrow()
  })

  it('lets a declared relation replace an inferred one of the same name', () => {
    const db2 = offline({ schema, relations: { users: { posts: many(users.id, posts.categoryId) } } })
    expect(db2.query.users.findMany({ columns: { id: true }, with: { posts: true } }).toSQL().sql).toContain(
      '"t1"."category_id" = "t0"."id"',
    )
  })
})

describe('declared relations that cannot be', () => {
  it('refuses a relation named like a column of its table', () => {
    const message = failure(() =>
      offline({ schema: tricky, relations: { articles: { title: one(articles.authorId, people.id) } } }),
    )
    expect(message).toContain('Relation articles.title has the name of a column of articles')
  })

  it('refuses relations for a table that is not in the schema', () => {
    const message = failure(() =>
      offline({
        schema: { people, articles },
        // @ts-expect-error: the types refuse it too; plain JavaScript gets this error.
        relations: { nope: { x: one(articles.authorId, people.id) } },
      }),
    )
    expect(message).toContain("Relations are declared for 'nope', which is not a table of the schema")
    expect(message).toContain('(tables: people, articles)')
  })

  it('refuses a relation whose first column is not of its table', () => {
    const message = failure(() =>
      offline({ schema: tricky, relations: { articles: { writer: one(people.id, articles.authorId) } } }),
    )
    expect(message).toContain(
      'Relation articles.writer: its first column (e_people.id) must be a column of articles',
    )
  })

  it('refuses a relation to a table that is not in the schema', () => {
    const message = failure(() =>
      offline({ schema: tricky, relations: { people: { far: many(people.id, elsewhere.id) } } }),
    )
    expect(message).toContain('Relation people.far: the table of e_elsewhere.id is not in the schema')
  })

  it("refuses 'through' columns of two different tables", () => {
    const message = failure(() =>
      offline({
        schema: tricky,
        relations: {
          people: { x: many(people.id, articles.id, { through: [articles.authorId, notes.personId] }) },
        },
      }),
    )
    expect(message).toContain("Relation people.x: both 'through' columns must belong to the junction table")
  })

  it('one() and many() refuse what is not a column of a table', () => {
    const missing = (people as unknown as Record<string, AnyColumn>).missing!
    expect(() => one(missing, people.id)).toThrow(
      /one\(\) takes columns of tables \(e\.g\. users\.id\), got undefined/,
    )
    expect(() => many(people.id, missing)).toThrow(/many\(\) takes columns of tables.*got undefined/)
    expect(() => one(integer(), people.id)).toThrow(/got a column not bound to a table/)
  })
})

describe('find configs that cannot be', () => {
  const db = offline({ schema, relations })

  it('refuses an unknown column, at the root and nested, listing the columns', () => {
    // @ts-expect-error: not a column
    expect(failure(() => db.query.users.findMany({ columns: { nope: true } }))).toBe(
      "users has no column 'nope' (columns: id, name, email, active)",
    )
    expect(
      // @ts-expect-error: not a column of posts
      failure(() => db.query.users.findMany({ with: { posts: { columns: { name: false } } } })),
    ).toBe("users.posts has no column 'name' (columns: id, authorId, categoryId, title, score, createdAt)")
  })

  it('refuses an unknown option, listing the options', () => {
    // @ts-expect-error: not an option
    expect(failure(() => db.query.users.findMany({ limt: 1 }))).toBe(
      "users: unknown option 'limt' (options: columns, extras, where, orderBy, limit, offset, with)",
    )
    expect(
      // @ts-expect-error: not an option
      failure(() => db.query.users.findMany({ with: { posts: { with: { comments: { sort: 1 } } } } })),
    ).toContain("users.posts.comments: unknown option 'sort'")
  })

  it('refuses a negative or fractional limit or offset', () => {
    expect(failure(() => db.query.users.findMany({ limit: -1 }))).toBe(
      'users: limit must be a non-negative integer, got -1',
    )
    expect(failure(() => db.query.users.findMany({ limit: 1.5 }))).toContain(
      'limit must be a non-negative integer',
    )
    expect(failure(() => db.query.users.findMany({ offset: -2 }))).toBe(
      'users: offset must be a non-negative integer, got -2',
    )
    expect(failure(() => db.query.users.findMany({ with: { posts: { limit: 0.5 } } }))).toBe(
      'users.posts: limit must be a non-negative integer, got 0.5',
    )
    expect(failure(() => db.query.users.findMany({ limit: '3' as unknown as number }))).toContain('got "3"')
  })

  it('names NaN and Infinity when they are given as a limit', () => {
    expect(failure(() => db.query.users.findMany({ limit: Number.NaN }))).toContain('got NaN')
    expect(failure(() => db.query.users.findMany({ offset: Number.POSITIVE_INFINITY }))).toContain(
      'got Infinity',
    )
  })

  it('refuses limit and offset on a one-relation', () => {
    // The types refuse it too (see types.test-d.ts); plain JavaScript gets this error.
    // @ts-expect-error: a one-relation takes no limit
    expect(failure(() => db.query.posts.findMany({ with: { author: { limit: 1 } } }))).toBe(
      'posts.author is a one-relation: limit and offset apply to many-relations only',
    )
  })

  it('refuses a relation that does not exist, at any depth', () => {
    // @ts-expect-error: not a relation
    expect(failure(() => db.query.users.findMany({ with: { nope: true } }))).toContain(
      "users has no relation 'nope' (relations: posts, comments)",
    )
  })

  it('refuses extras that are not expressions or that take the name of a field', () => {
    // @ts-expect-error: not an expression
    expect(failure(() => db.query.users.findMany({ extras: { n: 1 } }))).toContain(
      "users: extra 'n' must be an expression",
    )
    expect(failure(() => db.query.users.findMany({ extras: { name: sql<string>`'x'` } }))).toBe(
      "users: extra 'name' has the name of another field of the row",
    )
    expect(
      failure(() => db.query.users.findMany({ extras: { posts: sql<number>`1` }, with: { posts: true } })),
    ).toBe("users: relation 'posts' has the name of another field of the row")
  })

  it('refuses a where that is not a condition, and a level that is not true or a config', () => {
    // @ts-expect-error: not a condition
    expect(failure(() => db.query.users.findMany({ where: { id: 1 } }))).toContain(
      'users: where must be a condition',
    )
    // @ts-expect-error: not true or a config
    expect(failure(() => db.query.users.findMany({ with: { posts: 'yes' } }))).toBe(
      'users.posts: expected true or a config object, got "yes"',
    )
  })

  it('refuses null or an array as a level, non-boolean columns, and an orderBy that is not an order', () => {
    // @ts-expect-error: not true or a config
    expect(failure(() => db.query.users.findMany({ with: { posts: null } }))).toBe(
      'users.posts: expected true or a config object, got null',
    )
    // @ts-expect-error: not true or a config
    expect(failure(() => db.query.users.findMany({ with: { posts: [] } }))).toBe(
      'users.posts: expected true or a config object, got an array',
    )
    // @ts-expect-error: columns take booleans
    expect(failure(() => db.query.users.findMany({ columns: { id: 'yes' } }))).toBe(
      'users: columns.id must be true or false, got "yes"',
    )
    // @ts-expect-error: not an order item
    expect(failure(() => db.query.users.findMany({ orderBy: 'name' }))).toBe(
      'users: orderBy takes columns, expressions, asc() or desc(), got "name"',
    )
  })

  it('names the full path of a level that lacks a relation', () => {
    const deep = { with: { posts: { with: { comments: { with: { nope: true } } } } } }
    // @ts-expect-error: comments have no relation 'nope'
    expect(failure(() => db.query.users.findMany(deep))).toContain(
      "users.posts.comments has no relation 'nope'",
    )
  })

  it('accepts a condition over the level’s own table at every level', () => {
    expect(() =>
      db.query.users.findMany({ where: eq(users.id, 1), with: { posts: { where: eq(posts.id, 1) } } }),
    ).not.toThrow()
  })
})
