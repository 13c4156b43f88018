import { grant, integer, type PgGrant, pgFunction, schema, sequence, table, text } from 'tidemark/pg'
import { describe, expectTypeOf, it } from 'vitest'

const users = table('users', { id: integer().primaryKey(), name: text() })
const ids = sequence('ids')
const touch = pgFunction('touch', { returns: 'integer', language: 'sql', body: 'select 1' })
const api = schema('api')

describe('grant() privileges follow the kind of object', () => {
  it('takes the privileges of each kind, and ALL', () => {
    expectTypeOf(grant(users, { to: 'app', privileges: ['SELECT', 'DELETE'] })).toEqualTypeOf<PgGrant>()
    expectTypeOf(
      grant(users, { to: 'app', privileges: ['UPDATE'], columns: [users.name] }),
    ).toEqualTypeOf<PgGrant>()
    expectTypeOf(grant(ids, { to: ['a', 'b'], privileges: ['USAGE'] })).toEqualTypeOf<PgGrant>()
    expectTypeOf(grant(touch, { to: 'app' })).toEqualTypeOf<PgGrant>()
    expectTypeOf(grant(api, { to: 'app', privileges: 'ALL' })).toEqualTypeOf<PgGrant>()
    expectTypeOf(grant([users], { to: 'app', privileges: ['SELECT'] })).toEqualTypeOf<PgGrant>()
  })

  it('refuses a privilege the object does not have', () => {
    // @ts-expect-error: EXECUTE is a routine's privilege
    grant(users, { to: 'app', privileges: ['EXECUTE'] })
    // @ts-expect-error: a column takes SELECT, INSERT, UPDATE and REFERENCES only
    grant(users, { to: 'app', privileges: ['DELETE'], columns: [users.name] })
    // @ts-expect-error: a sequence has no INSERT
    grant(ids, { to: 'app', privileges: ['INSERT'] })
    // @ts-expect-error: a schema has USAGE and CREATE
    grant(api, { to: 'app', privileges: ['SELECT'] })
    // @ts-expect-error: the roles are required
    grant(users, { privileges: ['SELECT'] })
  })
})
