import { asc, count, type Database, desc, type OrderBy } from 'tidemark'
import { type IndexElement, index, integer, asc as pgAsc, desc as pgDesc, table, text } from 'tidemark/pg'
import { describe, expectTypeOf, it } from 'vitest'

declare const db: Database

const users = table('users', { id: integer().primaryKey(), name: text().notNull() }, (t) => [
  // The query's asc() and desc() are index keys too, with the index key's options.
  index().on(asc(t.name).op('text_pattern_ops'), desc(t.id).nullsLast()),
  index('users_name_c').on(desc(t.name).collate('C')),
])
const posts = table('posts', { id: integer().primaryKey(), title: text() })

describe('one asc() and desc()', () => {
  it('is the same function in tidemark and tidemark/pg', () => {
    expectTypeOf(pgAsc).toEqualTypeOf(asc)
    expectTypeOf(pgDesc).toEqualTypeOf(desc)
  })

  it('orders query results, and knows which table the column is of', () => {
    expectTypeOf(desc(users.name).nullsLast()).toEqualTypeOf<OrderBy<'users'>>()
    db.select().from(users).orderBy(asc(users.name), desc(count()))
    // @ts-expect-error posts is not part of this query
    db.select().from(users).orderBy(desc(posts.id))
  })

  it('gives an index key its operator class and collation, which ORDER BY items do not have', () => {
    expectTypeOf(asc(users.name).op('text_pattern_ops')).toEqualTypeOf<IndexElement>()
    expectTypeOf(desc(users.name).collate('C').nullsFirst()).toEqualTypeOf<IndexElement>()
    // @ts-expect-error an operator class or a collation is an index key's, not an ORDER BY item's
    db.select().from(users).orderBy(asc(users.name).collate('C'))
  })
})
