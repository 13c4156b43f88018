import type { InferInsert, InferSelect } from 'tidemark'
import { compositeType, date, domain, enumType, integer, sql, table, text, varchar } from 'tidemark/pg'
import { describe, expectTypeOf, it } from 'vitest'

const role = enumType('role', ['member', 'admin'])
const email = domain('email', text(), { checks: { email_has_at: sql`VALUE ~ '@'` } })
const positive = domain('positive', integer(), { default: 1, checks: [sql`VALUE > 0`] })
const staffRole = domain('staff_role', role())
const nestedEmail = domain('work_email', email())
const point = compositeType('point2', { x: integer(), y: integer() })
const address = compositeType('address', {
  street: text(),
  zip: varchar({ length: 10 }),
  at: point(),
  since: date(),
})

const people = table('people', {
  id: integer().primaryKey(),
  email: email().notNull(),
  count: positive(),
  role: staffRole().notNull(),
  work: nestedEmail(),
  home: address(),
  history: address().array().notNull(),
})

describe('domain and composite columns', () => {
  it('are typed as their base type, or as an object of nullable attributes', () => {
    expectTypeOf<InferSelect<typeof people>>().toEqualTypeOf<{
      id: number
      email: string
      count: number | null
      role: 'member' | 'admin'
      work: string | null
      home: {
        street: string | null
        zip: string | null
        at: { x: number | null; y: number | null } | null
        since: string | null
      } | null
      history: {
        street: string | null
        zip: string | null
        at: { x: number | null; y: number | null } | null
        since: string | null
      }[]
    }>()
  })

  it('refuses values of the wrong type', () => {
    const home = { street: 'Main', zip: null, at: { x: 1, y: null }, since: null }
    const ok: InferInsert<typeof people> = { id: 1, email: 'a@b', role: 'admin', history: [home] }
    expectTypeOf(ok).toMatchTypeOf<InferInsert<typeof people>>()
    // @ts-expect-error: an email is a string
    const badEmail: InferInsert<typeof people> = { id: 1, email: 5, role: 'admin', history: [] }
    // @ts-expect-error: the domain over role keeps its labels
    const badRole: InferInsert<typeof people> = { id: 1, email: 'a@b', role: 'owner', history: [] }
    const badAttribute: InferInsert<typeof people> = {
      id: 1,
      email: 'a@b',
      role: 'admin',
      // @ts-expect-error: x is a number
      home: { street: null, zip: null, at: { x: 'one', y: null }, since: null },
      history: [],
    }
    // @ts-expect-error: a default for a domain over integer is a number
    domain('n', integer(), { default: 'one' })
    expectTypeOf([badEmail, badRole, badAttribute]).not.toBeNever()
  })
})
