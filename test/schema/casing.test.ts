import { sql } from 'tidemark'
import {
  index,
  integer,
  materializedView,
  partition,
  partitionBy,
  renderCreate,
  schema,
  snakeCase,
  table,
  text,
  toModel,
  uuid,
} from 'tidemark/pg'
import { describe, expect, it } from 'vitest'

describe('snakeCase', () => {
  it.each([
    ['displayName', 'display_name'],
    ['id', 'id'],
    ['userID', 'user_id'],
    ['userId', 'user_id'],
    ['HTTPStatus', 'http_status'],
    ['httpStatusCode', 'http_status_code'],
    ['addressLine2', 'address_line2'],
    ['v2Name', 'v2_name'],
    ['line2Total', 'line2_total'],
    ['URL', 'url'],
    ['PDFFileURL', 'pdf_file_url'],
    ['already_snake', 'already_snake'],
    ['created_At', 'created_at'],
    ['_internalKey', '_internal_key'],
    ['größeWert', 'größe_wert'],
  ])('%s → %s', (key, name) => {
    expect(snakeCase(key)).toBe(name)
    // Applying it twice changes nothing, so keys already in snake_case keep their names.
    expect(snakeCase(name)).toBe(name)
  })
})

const columnNames = (t: Parameters<typeof toModel>[0]) =>
  toModel(t).tables.map((m) => [m.name, m.columns.map((c) => c.name)])

describe("casing: 'snake_case'", () => {
  it('names columns declared without a name from their keys; an explicit name wins', () => {
    const users = table(
      'users',
      {
        id: uuid().primaryKey(),
        displayName: text(),
        userID: integer(),
        already_snake: text(),
        legacyCode: text('LegacyCode'),
        keptAsIs: text('keptAsIs'),
      },
      undefined,
      { casing: 'snake_case' },
    )
    expect(users.displayName.name).toBe('display_name')
    expect(users.userID.name).toBe('user_id')
    expect(users.already_snake.name).toBe('already_snake')
    expect(users.legacyCode.name).toBe('LegacyCode')
    expect(users.keptAsIs.name).toBe('keptAsIs')
    expect(columnNames({ users })).toEqual([
      ['users', ['id', 'display_name', 'user_id', 'already_snake', 'LegacyCode', 'keptAsIs']],
    ])
  })

  it('leaves keys as written without a casing', () => {
    const users = table('users', { displayName: text() })
    expect(users.displayName.name).toBe('displayName')
  })

  it('applies to every table and view of a schema object, in public as elsewhere', () => {
    const db = schema('public', { casing: 'snake_case' })
    const billing = schema('billing', { casing: 'snake_case' })
    const users = db.table('users', { id: integer().primaryKey(), displayName: text() })
    const invoices = billing.table('invoices', { id: integer().primaryKey(), paidAt: text() })
    const named = db
      .view('named_users', { userId: integer(), displayName: text() })
      .as(sql`select ${users.id} as user_id, ${users.displayName} from ${users}`)
    const totals = billing
      .materializedView('totals', { invoiceCount: integer() })
      .as(sql`select count(*)::int as invoice_count from ${invoices}`)
    expect(db.casing).toBe('snake_case')
    expect(columnNames({ users, invoices })).toEqual([
      ['invoices', ['id', 'paid_at']],
      ['users', ['id', 'display_name']],
    ])
    expect([named.userId.name, named.displayName.name, totals.invoiceCount.name]).toEqual([
      'user_id',
      'display_name',
      'invoice_count',
    ])
    expect(renderCreate(toModel({ users }))).toEqual([
      'CREATE TABLE "public"."users" (\n  "id" integer NOT NULL,\n  "display_name" text,\n  CONSTRAINT "users_pkey" PRIMARY KEY ("id")\n)',
    ])
  })

  it("lets a schema object's table set its own casing", () => {
    const plain = schema('plain')
    const users = plain.table('users', { displayName: text() }, undefined, { casing: 'snake_case' })
    expect(users.displayName.name).toBe('display_name')
    const cased = schema('cased', { casing: 'snake_case' })
    const left = cased.table('notes', { noteBody: text() }, undefined, { casing: undefined })
    expect(left.noteBody.name).toBe('note_body')
  })

  it('names default constraints and indexes after the SQL names', () => {
    const db = schema('public', { casing: 'snake_case' })
    const teams = db.table('teams', { teamID: integer().primaryKey() })
    const members = db.table(
      'members',
      {
        memberID: integer().primaryKey(),
        teamID: integer().references(() => teams.teamID),
        emailAddress: text().unique(),
        shoeSize: integer().check(sql`shoe_size > 0`),
      },
      (t) => [index().on(t.teamID, t.emailAddress)],
    )
    const model = toModel({ teams, members }).tables.find((t) => t.name === 'members')!
    expect(model.primaryKey?.name).toBe('members_pkey')
    expect(model.foreignKeys.map((fk) => [fk.name, fk.columns, fk.references.columns])).toEqual([
      ['members_team_id_fkey', ['team_id'], ['team_id']],
    ])
    expect(model.uniques.map((u) => u.name)).toEqual(['members_email_address_key'])
    expect(model.checks.map((c) => c.name)).toEqual(['members_shoe_size_check'])
    expect(model.indexes.map((i) => i.name)).toEqual(['members_team_id_email_address_idx'])
  })

  it("gives a partition its parent's column names", () => {
    const db = schema('public', { casing: 'snake_case' })
    const events = db.table('events', { happenedOn: text().notNull(), eventKind: text() }, (t) => [
      partitionBy('list', t.eventKind),
    ])
    const signups = partition(events, 'events_signup', { in: ['signup'] })
    expect(signups.happenedOn.name).toBe('happened_on')
    expect(toModel({ events, signups }).tables.find((t) => t.name === 'events')?.partitionBy?.key).toBe(
      'event_kind',
    )
  })

  it('refuses an unknown casing', () => {
    expect(() => table('users', {}, undefined, { casing: 'camelCase' as never })).toThrow(
      'table users: casing is \'snake_case\', not "camelCase"',
    )
    expect(() => schema('app', { casing: 'snake' as never })).toThrow(/schema app: casing is 'snake_case'/)
    expect(() => materializedView('v', {}, { casing: 'x' as never })).toThrow(/view v: casing/)
  })
})
