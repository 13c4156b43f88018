import type { InferInsert, InferSelect, SelectValue } from 'tidemark'
import { type AnyColumn, integer, serial, table, text } from 'tidemark/pg'
import { describe, expectTypeOf, it } from 'vitest'

// The variable and the SQL name differ: the flag records the SQL name.
const people = table('users', {
  id: serial().primaryKey(),
  name: text().notNull(),
})

const posts = table('posts', {
  id: serial().primaryKey(),
  authorId: integer('author_id')
    .notNull()
    .references(() => people.id),
  reviewerId: integer('reviewer_id').references(() => people.id, { onDelete: 'set null' }),
  editorId: integer('editor_id')
    .references(() => people.id)
    .notNull(),
})

const categories = table('categories', {
  id: serial().primaryKey(),
  parentId: integer('parent_id').references((): AnyColumn => categories.id),
  rootId: integer('root_id')
    .notNull()
    .references((): AnyColumn => categories.id),
})

const left = table('left', {
  id: serial().primaryKey(),
  rightId: integer('right_id').references((): AnyColumn => right.id),
})
const right = table('right', {
  id: serial().primaryKey(),
  leftId: integer('left_id').references((): AnyColumn => left.id),
  usersId: integer('users_id').references(() => people.id),
})

describe('references', () => {
  it('records the target table of a plain foreign key', () => {
    expectTypeOf<(typeof posts.reviewerId)['$flags']>().toEqualTypeOf<'ref:users'>()
    expectTypeOf<(typeof posts.authorId)['$flags']>().toEqualTypeOf<'notNull' | 'ref:users'>()
    expectTypeOf<(typeof posts.editorId)['$flags']>().toEqualTypeOf<'notNull' | 'ref:users'>()
    expectTypeOf<(typeof right.usersId)['$flags']>().toEqualTypeOf<'ref:users'>()
  })

  it('records no target for an annotated reference in a cycle', () => {
    expectTypeOf<(typeof categories.parentId)['$flags']>().toEqualTypeOf<never>()
    expectTypeOf<(typeof categories.rootId)['$flags']>().toEqualTypeOf<'notNull'>()
    expectTypeOf<(typeof left.rightId)['$flags']>().toEqualTypeOf<never>()
    expectTypeOf<(typeof right.leftId)['$flags']>().toEqualTypeOf<never>()
  })

  it('needs the annotation to break a cycle', () => {
    // @ts-expect-error the table's type would depend on itself
    const loop = table('loop', { id: serial().primaryKey(), parentId: integer().references(() => loop.id) })
    expectTypeOf(loop).toBeAny()
  })

  it('records no target for a column outside a table', () => {
    const fk = integer().references(() => integer())
    expectTypeOf<(typeof fk)['$flags']>().toEqualTypeOf<never>()
  })

  it('leaves nullability and insert optionality as they were', () => {
    expectTypeOf<SelectValue<typeof posts.reviewerId>>().toEqualTypeOf<number | null>()
    expectTypeOf<SelectValue<typeof posts.authorId>>().toEqualTypeOf<number>()
    expectTypeOf<SelectValue<typeof categories.parentId>>().toEqualTypeOf<number | null>()
    expectTypeOf<SelectValue<typeof categories.rootId>>().toEqualTypeOf<number>()
    expectTypeOf<InferSelect<typeof posts>>().toEqualTypeOf<{
      id: number
      authorId: number
      reviewerId: number | null
      editorId: number
    }>()
    expectTypeOf<InferInsert<typeof posts>>().toEqualTypeOf<{
      authorId: number
      editorId: number
      id?: number
      reviewerId?: number | null
    }>()
  })
})
