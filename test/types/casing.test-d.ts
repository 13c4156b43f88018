import { type Database, eq, type InferInsert, type InferSelect, many, type RelationalQueries } from 'tidemark'
import { integer, schema, serial, table, text } from 'tidemark/pg'
import { describe, expectTypeOf, it } from 'vitest'

// The casing changes SQL names only: the row types keep the keys as written.
const db = schema('public', { casing: 'snake_case' })
const authors = db.table('authors', {
  authorID: serial().primaryKey(),
  displayName: text().notNull(),
  addressLine2: text(),
  LegacyCode: text('LegacyCode'),
})
const books = table(
  'books',
  { bookID: serial().primaryKey(), authorID: integer().notNull(), bookTitle: text().notNull() },
  undefined,
  { casing: 'snake_case' },
)

describe('casing', () => {
  it('row types use the keys', () => {
    expectTypeOf<InferSelect<typeof authors>>().toEqualTypeOf<{
      authorID: number
      displayName: string
      addressLine2: string | null
      LegacyCode: string | null
    }>()
    expectTypeOf<InferInsert<typeof books>>().toEqualTypeOf<{
      bookID?: number
      authorID: number
      bookTitle: string
    }>()
    // @ts-expect-error the SQL name is not a property of the table
    authors.display_name
  })

  it('query results use the keys', async () => {
    const relations = { authors: { books: many(authors.authorID, books.authorID) } }
    const d = {} as Database<
      RelationalQueries<{ authors: typeof authors; books: typeof books }, typeof relations>
    >
    const rows = await d.select().from(authors).where(eq(authors.displayName, 'x'))
    expectTypeOf(rows).toEqualTypeOf<
      { authorID: number; displayName: string; addressLine2: string | null; LegacyCode: string | null }[]
    >()
    const found = await d.query.authors.findMany({ columns: { displayName: true }, with: { books: true } })
    expectTypeOf(found).toEqualTypeOf<
      { displayName: string; books: { bookID: number; authorID: number; bookTitle: string }[] }[]
    >()
    // @ts-expect-error inserts take the keys, not the SQL names
    d.insert(books).values({ author_id: 1, book_title: 'x' })
  })

  it('takes only the casings there are', () => {
    // @ts-expect-error not a casing
    schema('app', { casing: 'camelCase' })
    // @ts-expect-error not a casing
    table('t', {}, undefined, { casing: 'kebab' })
  })
})
