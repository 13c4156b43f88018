/**
 * How check words comments changed by hand: one finding per comment, named like the object it is
 * on, and nothing more when a view rebuilt around another change keeps its comment.
 */
import type { SchemaModel } from 'tidemark'
import { bigint, comment, enumType, index, integer, sql, table, text, toModel, view } from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { diff } from '../../src/diff/diff.js'
import { driftFindings } from '../../src/migrate/check/drift-findings.js'

interface Comments {
  readonly table?: string
  readonly column?: string
  readonly view?: string
  readonly enum?: string
}

function schemaWith(c: Comments, wideIds = false): SchemaModel {
  const mood = enumType('mood', ['ok'], { comment: c.enum })
  const email = text()
  const users = table(
    'users',
    {
      id: wideIds ? bigint() : integer(),
      email: c.column === undefined ? email : email.comment(c.column),
      mood: mood(),
    },
    () => (c.table === undefined ? [] : [comment(c.table)]),
  )
  const ids = view('user_ids', {}, { comment: c.view }).as(sql`select ${users.id} from ${users}`)
  return toModel({ mood, users, ids })
}

/** What check says when the migrations build `expected` and the database holds `live`. */
const messages = (expected: SchemaModel, live: SchemaModel): string[] =>
  driftFindings(diff(expected, live), expected, live).map((f) => f.message)

describe('drift findings for comments', () => {
  const base = schemaWith({ table: 'Users', view: 'Ids', enum: 'Mood' })

  it('says a comment was added outside migrations, changed or is missing', () => {
    expect(
      messages(base, schemaWith({ table: 'Users', view: 'Ids', enum: 'Mood', column: 'Login' })),
    ).toEqual(['comment on column users.email: added outside migrations'])
    expect(messages(base, schemaWith({ table: 'Everyone', view: 'Ids', enum: 'Mood' }))).toEqual([
      'comment on table users: changed',
    ])
    expect(messages(base, schemaWith({ table: 'Users', enum: 'Mood' }))).toEqual([
      'comment on view user_ids: missing',
    ])
    expect(messages(base, schemaWith({ table: 'Users', view: 'Ids', enum: 'Feelings' }))).toEqual([
      'comment on enum mood: changed',
    ])
  })

  it('words a view rebuilt around a type change by its comment alone, and reconciles both', () => {
    const live = schemaWith({ table: 'Users', view: 'Addresses', enum: 'Mood' }, true)
    expect(messages(base, live)).toEqual([
      'comment on view user_ids: changed',
      'column users.id: type changed from integer to bigint',
    ])
    expect(messages(base, schemaWith({ table: 'Users', view: 'Ids', enum: 'Mood' }, true))).toEqual([
      'column users.id: type changed from integer to bigint',
    ])
    expect(renderChanges(diff(live, base))).toContain(`COMMENT ON VIEW "public"."user_ids" IS 'Ids'`)
  })

  it('words an index built again around a type change by its comment when only that differs', () => {
    const indexed = (wideIds: boolean, note: string) => {
      const items = table('items', { id: wideIds ? bigint() : integer() }, (t) => [
        index('items_id_idx').on(t.id).comment(note),
      ])
      return toModel({ items })
    }
    expect(messages(indexed(false, 'By id'), indexed(true, 'Lookups'))).toEqual([
      'column items.id: type changed from integer to bigint',
      'index items_id_idx on items: comment changed',
    ])
    expect(messages(indexed(false, 'By id'), indexed(true, 'By id'))).toEqual([
      'column items.id: type changed from integer to bigint',
    ])
  })

  it('lists nothing for the comments of a table added or dropped as a whole', () => {
    const withAudit = (note: string) => {
      const audit = table('audit', { id: integer().comment(note) }, () => [comment(note)])
      return { ...base, tables: [...base.tables, ...toModel({ audit }).tables] }
    }
    expect(messages(base, withAudit('Log'))).toEqual(['table audit: added outside migrations'])
    expect(messages(withAudit('Log'), base)).toEqual(['table audit: missing'])
  })
})
