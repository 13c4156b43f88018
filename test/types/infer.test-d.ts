import type { InferInsert, InferSelect } from 'tidemark'
import {
  bigint,
  bigserial,
  boolean,
  bytea,
  date,
  enumType,
  integer,
  interval,
  json,
  jsonb,
  numeric,
  serial,
  sql,
  table,
  text,
  timestamp,
  timestamptz,
  uuid,
  varchar,
  view,
} from 'tidemark/pg'
import { describe, expectTypeOf, it } from 'vitest'

const role = enumType('role', ['member', 'admin'])

const users = table('users', {
  id: uuid().primaryKey().default(sql`gen_random_uuid()`),
  email: varchar({ length: 320 }).notNull(),
  nickname: text(),
  role: role().notNull().default('member'),
  roles: role().array(),
  visits: integer()
    .notNull()
    .defaultFn(() => 0),
  counter: bigint({ mode: 'bigint' }).notNull(),
  small: bigint('small').notNull(),
  balance: numeric({ precision: 10, scale: 2 }).notNull(),
  ratio: numeric({ mode: 'number' }),
  createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  seenAt: timestamp('seen_at', { mode: 'string' }),
  birthday: date(),
  anniversary: date({ mode: 'date' }),
  settings: jsonb<{ theme: 'light' | 'dark' }>().notNull(),
  raw: json(),
  tags: text().array().notNull(),
  grid: integer().array().array(),
  avatar: bytea(),
  pause: interval(),
  active: boolean().notNull(),
  emailLength: integer('email_length').generatedAlwaysAs(sql`length(email)`),
  seq: serial(),
  big: bigserial({ mode: 'bigint' }),
  ident: integer().generatedAlwaysAsIdentity(),
})

describe('InferSelect', () => {
  it('gives each column its JS type, nullable unless NOT NULL', () => {
    expectTypeOf<InferSelect<typeof users>>().toEqualTypeOf<{
      id: string
      email: string
      nickname: string | null
      role: 'member' | 'admin'
      roles: ('member' | 'admin')[] | null
      visits: number
      counter: bigint
      small: number
      balance: string
      ratio: number | null
      createdAt: Date
      seenAt: string | null
      birthday: string | null
      anniversary: Date | null
      settings: { theme: 'light' | 'dark' }
      raw: unknown
      tags: string[]
      grid: number[][] | null
      avatar: Uint8Array | null
      pause: string | null
      active: boolean
      emailLength: number | null
      seq: number
      big: bigint
      ident: number
    }>()
  })

  it('works for views with declared columns', () => {
    const names = view('names', { id: uuid().notNull(), nickname: text() }).as(
      sql`select id, nickname from users`,
    )
    expectTypeOf<InferSelect<typeof names>>().toEqualTypeOf<{ id: string; nickname: string | null }>()
  })
})

describe('InferInsert', () => {
  type NewUser = InferInsert<typeof users>

  it('requires NOT NULL columns without defaults and nothing else', () => {
    expectTypeOf<NewUser>().toEqualTypeOf<{
      email: string
      counter: bigint
      small: number
      balance: string
      settings: { theme: 'light' | 'dark' }
      tags: string[]
      active: boolean
      id?: string
      nickname?: string | null
      role?: 'member' | 'admin'
      roles?: ('member' | 'admin')[] | null
      visits?: number
      ratio?: number | null
      createdAt?: Date
      seenAt?: string | null
      birthday?: string | null
      anniversary?: Date | null
      raw?: unknown
      grid?: number[][] | null
      avatar?: Uint8Array | null
      pause?: string | null
      seq?: number
      big?: bigint
      ident?: number
    }>()
  })

  it('rejects missing required columns, generated columns and wrong types', () => {
    const ok: NewUser = {
      email: 'a@b.c',
      counter: 1n,
      small: 1,
      balance: '1.00',
      settings: { theme: 'dark' },
      tags: [],
      active: true,
    }
    expectTypeOf(ok).toMatchTypeOf<NewUser>()
    // @ts-expect-error email is required
    const missing: NewUser = {
      counter: 1n,
      small: 1,
      balance: '1',
      settings: { theme: 'dark' },
      tags: [],
      active: true,
    }
    // @ts-expect-error a generated column cannot be inserted
    const generated: NewUser = { ...ok, emailLength: 3 }
    // @ts-expect-error bigint mode takes a bigint, not a number
    const wrongMode: NewUser = { ...ok, counter: 1 }
    // @ts-expect-error enum columns take their labels only
    const wrongLabel: NewUser = { ...ok, role: 'owner' }
    // @ts-expect-error json columns take their declared shape
    const wrongJson: NewUser = { ...ok, settings: { theme: 'blue' } }
    // @ts-expect-error NOT NULL columns do not take null
    const nullEmail: NewUser = { ...ok, email: null }
    void [missing, generated, wrongMode, wrongLabel, wrongJson, nullEmail]
  })
})

describe('column definitions', () => {
  it('allow identity only on integer columns', () => {
    integer().generatedByDefaultAsIdentity()
    bigint({ mode: 'bigint' }).generatedAlwaysAsIdentity()
    // @ts-expect-error identity needs an integer column
    text().generatedAlwaysAsIdentity()
  })

  it('type defaults by the column type', () => {
    integer().default(1)
    role().default('admin')
    // @ts-expect-error a text default on an integer column
    integer().default('1')
    // @ts-expect-error not a label of the enum
    role().default('owner')
    // @ts-expect-error a Date default for a string-mode timestamp
    timestamp({ mode: 'string' }).default(new Date())
  })

  it('narrow with $type', () => {
    type UserId = string & { readonly brand: 'UserId' }
    const t = table('t', { id: uuid().$type<UserId>().notNull() })
    expectTypeOf<InferSelect<typeof t>['id']>().toEqualTypeOf<UserId>()
    // @ts-expect-error $type narrows only
    uuid().$type<number>()
  })

  it('expose columns as table properties and reject unknown ones', () => {
    expectTypeOf(users.email.$value).toEqualTypeOf<string>()
    // @ts-expect-error no such column
    void users.missing
  })
})
