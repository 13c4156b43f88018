import { sql } from 'tidemark'
import { check, index, integer, policy, table, text, toModel, unique, view } from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange, diff } from '../../src/diff/index.js'

interface Parts {
  readonly index?: string
  readonly indexName?: string
  readonly unique?: string
  readonly check?: string
  readonly policy?: string
  readonly using?: string
  readonly viewDefault?: string
  readonly viewColumn?: string
}

const commented = <T extends { comment(text: string): T }>(extra: T, text: string | undefined): T =>
  text === undefined ? extra : extra.comment(text)

function schemaWith(p: Parts) {
  const users = table('users', { id: integer(), email: text() }, (t) => [
    commented(index(p.indexName ?? 'users_email_idx').on(t.email), p.index),
    commented(unique().on(t.email), p.unique),
    commented(check(sql`${t.id} > 0`), p.check),
    commented(policy('users_read', { using: sql.raw(p.using ?? 'true') }), p.policy),
  ])
  const columnDefaults = p.viewDefault === undefined ? undefined : { email: sql.raw(p.viewDefault) }
  const columnComments = p.viewColumn === undefined ? undefined : { email: p.viewColumn }
  const emails = view('emails', {}, { columnDefaults, columnComments }).as(
    sql`select ${users.email} from ${users}`,
  )
  return toModel({ users, emails })
}

describe('diff and render: comments on keys, checks, indexes and policies, view column defaults', () => {
  it('sets a comment in place, never by building its object again', () => {
    const changes = diff(
      schemaWith({}),
      schemaWith({ index: 'By email', unique: 'One each', check: 'Positive' }),
    )
    expect(changes.map(describeChange)).toEqual([
      'set comment on unique constraint users_email_key on users',
      'set comment on check constraint users_id_check on users',
      'set comment on index users_email_idx on users',
    ])
    expect(changes.flatMap((c) => c.hazards)).toEqual([])
    expect(renderChanges(changes)).toEqual([
      `COMMENT ON CONSTRAINT "users_email_key" ON "public"."users" IS 'One each'`,
      `COMMENT ON CONSTRAINT "users_id_check" ON "public"."users" IS 'Positive'`,
      `COMMENT ON INDEX "public"."users_email_idx" IS 'By email'`,
    ])
  })

  it('renames an index and then comments it under its new name', () => {
    const changes = diff(
      schemaWith({ index: 'Old' }),
      schemaWith({ index: 'New', indexName: 'users_by_email' }),
    )
    expect(renderChanges(changes)).toEqual([
      'ALTER INDEX "public"."users_email_idx" RENAME TO "users_by_email"',
      `COMMENT ON INDEX "public"."users_by_email" IS 'New'`,
    ])
  })

  it('alters a policy and changes its comment, each in place', () => {
    const changes = diff(
      schemaWith({ policy: 'Everyone' }),
      schemaWith({ policy: 'Positive ids', using: 'id > 0' }),
    )
    expect(changes.map(describeChange)).toEqual([
      'alter policy users_read on users (USING)',
      'change comment on policy users_read on users',
    ])
    expect(renderChanges(changes)).toEqual([
      'ALTER POLICY "users_read" ON "public"."users" USING (id > 0)',
      `COMMENT ON POLICY "users_read" ON "public"."users" IS 'Positive ids'`,
    ])
    expect(renderChanges(diff(schemaWith({ policy: 'Everyone' }), schemaWith({})))).toEqual([
      'COMMENT ON POLICY "users_read" ON "public"."users" IS NULL',
    ])
  })

  it("sets, changes and drops a view column's default without building the view again", () => {
    const render = (from: Parts, to: Parts) => renderChanges(diff(schemaWith(from), schemaWith(to)))
    expect(render({}, { viewDefault: "'a'" })).toEqual([
      `ALTER VIEW "public"."emails" ALTER COLUMN "email" SET DEFAULT 'a'`,
    ])
    expect(render({ viewDefault: "'a'" }, { viewDefault: "'b'" })).toEqual([
      `ALTER VIEW "public"."emails" ALTER COLUMN "email" SET DEFAULT 'b'`,
    ])
    expect(render({ viewDefault: "'a'" }, {})).toEqual([
      'ALTER VIEW "public"."emails" ALTER COLUMN "email" DROP DEFAULT',
    ])
    expect(diff(schemaWith({}), schemaWith({ viewDefault: "'a'" })).map(describeChange)).toEqual([
      'set default of view column emails.email',
    ])
  })

  it("sets, changes and removes a view column's comment without building the view again", () => {
    const changes = (from: Parts, to: Parts) => diff(schemaWith(from), schemaWith(to))
    expect(changes({}, { viewColumn: 'Address' }).map(describeChange)).toEqual([
      'set comment on view column emails.email',
    ])
    expect(renderChanges(changes({ viewColumn: 'Address' }, { viewColumn: 'Mail' }))).toEqual([
      `COMMENT ON COLUMN "public"."emails"."email" IS 'Mail'`,
    ])
    expect(renderChanges(changes({ viewColumn: 'Address' }, {}))).toEqual([
      'COMMENT ON COLUMN "public"."emails"."email" IS NULL',
    ])
  })
})
