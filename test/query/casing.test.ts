import {
  asc,
  type Database,
  eq,
  excluded,
  insert,
  many,
  one,
  type RelationalQueries,
  select,
  sql,
} from 'tidemark'
import { integer, renderCreate, schema, serial, text, timestamptz, toModel } from 'tidemark/pg'
import {
  createInsertSchema as createValidateInsert,
  createSelectSchema as createValidateSelect,
} from 'tidemark/validate'
import { createInsertSchema, createSelectSchema, createUpdateSchema } from 'tidemark/zod'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachSchemaTarget } from '../support/databases.js'

// Keys in camelCase, SQL names in snake_case: every query must write the SQL names and return the keys.
// The upsert below takes a serial value without a row, so ids skip 3.
const db = schema('public', { casing: 'snake_case' })

const authors = db.table('cs_authors', {
  authorID: serial().primaryKey(),
  displayName: text().notNull(),
  emailAddress: text().unique(),
  visitCount: integer().notNull().default(0),
  signedUpAt: timestamptz()
    .notNull()
    .defaultFn(() => new Date('2024-01-01T00:00:00Z')),
  LegacyCode: text('LegacyCode'),
})

const articles = db.table('cs_articles', {
  articleID: serial().primaryKey(),
  authorID: integer()
    .notNull()
    .references(() => authors.authorID),
  articleTitle: text().notNull(),
})

const tables = { authors, articles }
const relations = {
  authors: { articles: many(authors.authorID, articles.authorID) },
  articles: { writer: one(articles.authorID, authors.authorID) },
}

describe('SQL with casing', () => {
  it('writes the SQL names; rows are mapped back to the keys by position', () => {
    expect(
      insert(authors)
        .values({ displayName: 'Ada', emailAddress: 'ada@example.com' })
        .onConflictDoUpdate({
          target: authors.emailAddress,
          set: { displayName: excluded(authors.displayName) },
        })
        .returning({ authorID: authors.authorID, displayName: authors.displayName })
        .toSQL().sql,
    ).toBe(
      'insert into "public"."cs_authors" ("display_name", "email_address", "signed_up_at") values ($1, $2, $3) on conflict ("email_address") do update set "display_name" = excluded."display_name" returning "cs_authors"."author_id", "cs_authors"."display_name"',
    )
    expect(select().from(authors).where(eq(authors.visitCount, 1)).toSQL().sql).toBe(
      'select "cs_authors"."author_id", "cs_authors"."display_name", "cs_authors"."email_address", "cs_authors"."visit_count", "cs_authors"."signed_up_at", "cs_authors"."LegacyCode" from "public"."cs_authors" where "cs_authors"."visit_count" = $1',
    )
  })
})

describeEachSchemaTarget('casing round trip', (target) => {
  let rdb: Database<RelationalQueries<typeof tables, typeof relations>>

  beforeAll(async () => {
    for (const statement of renderCreate(toModel(tables))) await target.db.execute(sql.raw(statement))
    rdb = target.withOptions({ schema: tables, relations } as never) as unknown as typeof rdb
  })

  it('creates the snake_case columns', async () => {
    const { rows } = await target.db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = 'cs_authors' order by ordinal_position`,
    )
    expect(rows.map((r) => r.column_name)).toEqual([
      'author_id',
      'display_name',
      'email_address',
      'visit_count',
      'signed_up_at',
      'LegacyCode',
    ])
  })

  it('inserts, updates, upserts, returns and selects by key', async () => {
    const [ada] = await target.db
      .insert(authors)
      .values({ displayName: 'Ada', emailAddress: 'ada@example.com', LegacyCode: 'A1' })
      .returning()
    expect(ada).toEqual({
      authorID: 1,
      displayName: 'Ada',
      emailAddress: 'ada@example.com',
      visitCount: 0,
      signedUpAt: new Date('2024-01-01T00:00:00Z'),
      LegacyCode: 'A1',
    })
    const [bob] = await target.db
      .insert(authors)
      .values({ displayName: 'Bob' })
      .returning({ id: authors.authorID, name: authors.displayName })
    expect(bob).toEqual({ id: 2, name: 'Bob' })

    const updated = await target.db
      .update(authors)
      .set({ visitCount: sql`${authors.visitCount} + 5` })
      .where(eq(authors.displayName, 'Bob'))
      .returning({ visitCount: authors.visitCount })
    expect(updated).toEqual([{ visitCount: 5 }])

    await target.db
      .insert(authors)
      .values({ displayName: 'Ada Lovelace', emailAddress: 'ada@example.com' })
      .onConflictDoUpdate({
        target: authors.emailAddress,
        set: { displayName: excluded(authors.displayName) },
      })
    const rows = await target.db
      .select({ name: authors.displayName, visits: authors.visitCount })
      .from(authors)
      .orderBy(asc(authors.authorID))
    expect(rows).toEqual([
      { name: 'Ada Lovelace', visits: 0 },
      { name: 'Bob', visits: 5 },
    ])

    await target.db.insert(articles).values([
      { authorID: 1, articleTitle: 'Notes' },
      { authorID: 1, articleTitle: 'Engines' },
    ])
    const joined = await target.db
      .select({ title: articles.articleTitle, author: authors.displayName })
      .from(articles)
      .innerJoin(authors, eq(authors.authorID, articles.authorID))
      .orderBy(asc(articles.articleID))
    expect(joined).toEqual([
      { title: 'Notes', author: 'Ada Lovelace' },
      { title: 'Engines', author: 'Ada Lovelace' },
    ])
  })

  it('loads relations by key', async () => {
    const found = await rdb.query.authors.findMany({
      columns: { displayName: true, emailAddress: true },
      orderBy: asc(authors.authorID),
      with: { articles: { columns: { articleTitle: true }, orderBy: asc(articles.articleID) } },
    })
    expect(found).toEqual([
      {
        displayName: 'Ada Lovelace',
        emailAddress: 'ada@example.com',
        articles: [{ articleTitle: 'Notes' }, { articleTitle: 'Engines' }],
      },
      { displayName: 'Bob', emailAddress: null, articles: [] },
    ])
    const article = await rdb.query.articles.findFirst({
      where: eq(articles.articleTitle, 'Engines'),
      with: { writer: { columns: { displayName: true, visitCount: true } } },
    })
    expect(article).toEqual({
      articleID: 2,
      authorID: 1,
      articleTitle: 'Engines',
      writer: { displayName: 'Ada Lovelace', visitCount: 0 },
    })
  })

  it('validates by key with the zod and built-in schemas, then writes and reads the row', async () => {
    const zodInsert = createInsertSchema(authors)
    const zodSelect = createSelectSchema(authors)
    expect(Object.keys(zodInsert.shape).sort()).toEqual(
      ['LegacyCode', 'authorID', 'displayName', 'emailAddress', 'signedUpAt', 'visitCount'].sort(),
    )
    expect(zodInsert.safeParse({ emailAddress: 'x' }).success).toBe(false)
    expect(createUpdateSchema(authors).parse({ visitCount: 3 })).toEqual({ visitCount: 3 })
    const values = zodInsert.parse({ displayName: 'Cy', visitCount: 2 })
    const [inserted] = await target.db.insert(authors).values(values).returning()
    expect(zodSelect.parse(inserted)).toEqual({
      authorID: 4,
      displayName: 'Cy',
      emailAddress: null,
      visitCount: 2,
      signedUpAt: new Date('2024-01-01T00:00:00Z'),
      LegacyCode: null,
    })

    const validateInsert = createValidateInsert(authors)
    const checked = validateInsert['~standard'].validate({ displayName: 'Dee' })
    if (checked instanceof Promise || checked.issues !== undefined) throw new Error('expected a valid value')
    const [dee] = await target.db.insert(authors).values(checked.value).returning()
    const read = createValidateSelect(authors)['~standard'].validate(dee)
    expect(read).toMatchObject({ value: { displayName: 'Dee', authorID: 5 } })
    const missing = validateInsert['~standard'].validate({ visitCount: 1 })
    expect(missing).toMatchObject({ issues: [{ path: ['displayName'] }] })
  })
})
