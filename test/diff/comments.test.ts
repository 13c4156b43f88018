import { sql } from 'tidemark'
import {
  bigint,
  comment,
  enumType,
  integer,
  materializedView,
  schema,
  table,
  text,
  toModel,
  view,
} from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange, diff } from '../../src/diff/index.js'
import { migrationText } from '../../src/migrate/generate/migration-text.js'
import { isNoTransaction } from '../../src/migrate/index.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { expectRoundTrip } from './support.js'

interface Comments {
  readonly table?: string
  readonly column?: string
  readonly view?: string
  readonly matview?: string
  readonly enum?: string
}

/** One object of each kind, in a named schema, each with the comment given (none when absent). */
function schemaWith(c: Comments, idType: 'integer' | 'bigint' = 'integer') {
  const app = schema('app')
  const mood = app.enumType('mood', ['ok', 'sad'], { comment: c.enum })
  const email = text().notNull()
  const users = app.table(
    'users',
    {
      id: (idType === 'integer' ? integer() : bigint()).primaryKey(),
      email: c.column === undefined ? email : email.comment(c.column),
      mood: mood(),
    },
    () => (c.table === undefined ? [] : [comment(c.table)]),
  )
  const ids = app.view('user_ids', {}, { comment: c.view }).as(sql`select ${users.id} from ${users}`)
  const counts = app
    .materializedView('mood_counts', {}, { comment: c.matview })
    .as(sql`select ${users.mood}, count(*) as n from ${users} group by ${users.mood}`)
  return toModel({ app, mood, users, ids, counts })
}

const A: Comments = {
  table: "Registered users: 'quoted'",
  column: 'Login \\ with a backslash',
  view: 'Ids\nover two lines',
  matview: 'Counts ✓',
  enum: 'How it went',
}
const B: Comments = { table: 'Users', column: 'Login', view: 'Ids', matview: 'Counts', enum: 'Mood' }

describe('diff and render: comments', () => {
  it('sets, changes and removes each kind with COMMENT ON, quoting the text as a literal', () => {
    expect(renderChanges(diff(schemaWith({}), schemaWith(A)))).toEqual([
      `COMMENT ON TABLE "app"."users" IS 'Registered users: ''quoted'''`,
      `COMMENT ON COLUMN "app"."users"."email" IS E'Login \\\\ with a backslash'`,
      `COMMENT ON MATERIALIZED VIEW "app"."mood_counts" IS 'Counts ✓'`,
      `COMMENT ON VIEW "app"."user_ids" IS 'Ids\nover two lines'`,
      `COMMENT ON TYPE "app"."mood" IS 'How it went'`,
    ])
    expect(renderChanges(diff(schemaWith(A), schemaWith(B)))).toEqual([
      `COMMENT ON TABLE "app"."users" IS 'Users'`,
      `COMMENT ON COLUMN "app"."users"."email" IS 'Login'`,
      `COMMENT ON MATERIALIZED VIEW "app"."mood_counts" IS 'Counts'`,
      `COMMENT ON VIEW "app"."user_ids" IS 'Ids'`,
      `COMMENT ON TYPE "app"."mood" IS 'Mood'`,
    ])
    const removed = diff(schemaWith(B), schemaWith({}))
    expect(renderChanges(removed)).toEqual([
      'COMMENT ON TABLE "app"."users" IS NULL',
      'COMMENT ON COLUMN "app"."users"."email" IS NULL',
      'COMMENT ON MATERIALIZED VIEW "app"."mood_counts" IS NULL',
      'COMMENT ON VIEW "app"."user_ids" IS NULL',
      'COMMENT ON TYPE "app"."mood" IS NULL',
    ])
    expect(removed.flatMap((c) => c.hazards)).toEqual([])
  })

  it('describes each change in words', () => {
    expect(diff(schemaWith({}), schemaWith(A)).map(describeChange)).toEqual([
      'set comment on table app.users',
      'set comment on column app.users.email',
      'set comment on materialized view app.mood_counts',
      'set comment on view app.user_ids',
      'set comment on enum app.mood',
    ])
    expect(diff(schemaWith(A), schemaWith(B)).map(describeChange)[0]).toBe(
      'change comment on table app.users',
    )
    expect(diff(schemaWith(A), schemaWith({})).map(describeChange)[0]).toBe(
      'remove comment on table app.users',
    )
  })

  it('writes the comments of a created object right after its CREATE, and none for a dropped one', () => {
    const up = renderChanges(diff(toModel(), schemaWith(A)))
    const commentsAfter = (prefix: string, count: number) => {
      const at = up.findIndex((s) => s.startsWith(prefix))
      expect(at, prefix).toBeGreaterThanOrEqual(0)
      return up.slice(at + 1, at + 1 + count).map((s) => s.slice(0, s.indexOf(' IS ')))
    }
    expect(commentsAfter('CREATE TYPE "app"."mood"', 1)).toEqual(['COMMENT ON TYPE "app"."mood"'])
    expect(commentsAfter('CREATE TABLE "app"."users"', 2)).toEqual([
      'COMMENT ON TABLE "app"."users"',
      'COMMENT ON COLUMN "app"."users"."email"',
    ])
    expect(commentsAfter('CREATE VIEW "app"."user_ids"', 1)).toEqual(['COMMENT ON VIEW "app"."user_ids"'])
    expect(commentsAfter('CREATE MATERIALIZED VIEW "app"."mood_counts"', 1)).toEqual([
      'COMMENT ON MATERIALIZED VIEW "app"."mood_counts"',
    ])
    expect(renderChanges(diff(schemaWith(A), toModel())).filter((s) => s.startsWith('COMMENT'))).toEqual([])
  })

  it('adds a column with its comment', () => {
    const before = toModel({ t: table('t', { id: integer() }) })
    const after = toModel({ t: table('t', { id: integer(), note: text().comment("it's new") }) })
    expect(renderChanges(diff(before, after))).toEqual([
      'ALTER TABLE "public"."t" ADD COLUMN "note" text',
      `COMMENT ON COLUMN "public"."t"."note" IS 'it''s new'`,
    ])
  })

  it('gives a rebuilt view and a replaced enum their comment again, with no separate change', () => {
    const rebuilt = diff(schemaWith(A), schemaWith(A, 'bigint'))
    expect(rebuilt.map((c) => c.kind)).not.toContain('set-view-comment')
    const statements = renderChanges(rebuilt)
    const created = statements.findIndex((s) => s.startsWith('CREATE VIEW "app"."user_ids"'))
    expect(statements[created + 1]).toBe(`COMMENT ON VIEW "app"."user_ids" IS 'Ids\nover two lines'`)

    const mood = (labels: [string, ...string[]], text: string) => {
      const e = enumType('mood', labels, { comment: text })
      return toModel({ e, t: table('t', { m: e() }) })
    }
    const replaced = diff(mood(['ok', 'sad'], 'Old'), mood(['sad'], 'New'))
    expect(replaced.map((c) => c.kind)).toEqual(['replace-enum', 'move-enum-columns'])
    expect(renderChanges(replaced)).toContain(`COMMENT ON TYPE "public"."mood" IS 'New'`)
    // Labels added in place keep the type, and its comment changes on its own.
    expect(diff(mood(['ok'], 'Old'), mood(['ok', 'sad'], 'New')).map((c) => c.kind)).toEqual([
      'add-enum-value',
      'set-enum-comment',
    ])
  })

  it('keeps the comments of renamed tables and columns, with no comment change', () => {
    const before = toModel({
      t: table('people', { id: integer(), name: text().comment('Full name') }, () => [comment('Everyone')]),
    })
    const after = toModel({
      t: table('persons', { id: integer(), fullName: text('full_name').comment('Full name') }, () => [
        comment('Everyone'),
      ]),
    })
    const renames = {
      tables: [{ schema: 'public', from: 'people', to: 'persons' }],
      columns: [{ schema: 'public', table: 'persons', from: 'name', to: 'full_name' }],
    }
    expect(diff(before, after, { renames }).map((c) => c.kind)).toEqual(['rename-table', 'rename-column'])
  })

  it('does not run a migration outside a transaction because a comment quotes a new enum label', () => {
    const model = (labels: [string, ...string[]], note?: string) => {
      const e = enumType('mood', labels)
      return toModel({ e, t: table('t', { m: note === undefined ? e() : e().comment(note) }) })
    }
    const changes = diff(model(['ok']), model(['ok', 'meh'], "'meh' is new"))
    expect(renderChanges(changes)).toContain(`COMMENT ON COLUMN "public"."t"."m" IS '''meh'' is new'`)
    expect(isNoTransaction(migrationText('m', 'up', changes))).toBe(false)
  })
})

describeEachSchemaTarget('diff and render: comments on a database', (target) => {
  it('sets, changes and removes comments up and down', async () => {
    await expectRoundTrip(target.db, schemaWith({}), schemaWith(A))
    await expectRoundTrip(target.db, schemaWith(A), schemaWith(B))
  })

  it('keeps comments through a rebuilt view, a replaced enum and a created table', async () => {
    await expectRoundTrip(target.db, schemaWith(A), schemaWith(B, 'bigint'))
    const mood = (labels: [string, ...string[]], text: string) => {
      const e = enumType('mood', labels, { comment: text })
      return toModel({ e, t: table('t', { m: e().comment(text) }, () => [comment(text)]) })
    }
    await expectRoundTrip(target.db, mood(['ok', 'sad'], 'Old'), mood(['sad'], 'New'))
    await expectRoundTrip(target.db, toModel(), schemaWith(A))
    const plain = view('plain', {}, { comment: 'Plain' }).as(sql`select 1 as one`)
    const stored = materializedView('stored', {}, { comment: 'Stored' }).as(sql`select 1 as one`)
    await expectRoundTrip(target.db, toModel(), toModel({ plain, stored }))
  })
})
