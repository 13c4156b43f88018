import { inspect } from 'node:util'
import { DatabaseError, sql } from 'tidemark'
import { beforeAll, describe, expect, it } from 'vitest'
import { toDatabaseError } from '../../src/database/driver-error.js'
import { redactDetail, redactMessage } from '../../src/error-redaction.js'
import { describeEachStatementDriver } from '../support/databases.js'

const secret = 'ann-4111-1111-secret'

/** Every way an error is commonly logged or serialized. */
function printed(error: unknown): string {
  return [inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error), String(error)].join('\n')
}

describeEachStatementDriver('values PostgreSQL quotes in its errors', (target) => {
  const failure = (query: ReturnType<typeof sql>) =>
    target.db.execute(query).then(
      () => undefined,
      (e: unknown) => e,
    )

  beforeAll(() =>
    target.exec(`
      create table redact_users (id int4 primary key, email text not null unique, age int4 check (age > 0));
      create table redact_posts (id int4 primary key, author text references redact_users (email));
    `),
  )

  it('are redacted from a unique violation, raw only through unredacted()', async () => {
    await target.db.execute(sql`insert into redact_users values (1, ${secret}, 30)`)
    const error = (await failure(sql`insert into redact_users values (2, ${secret}, 30)`)) as DatabaseError
    expect(error).toBeInstanceOf(DatabaseError)
    expect(error.kind).toBe('unique_violation')
    expect(error.message).toBe('duplicate key value violates unique constraint "redact_users_email_key"')
    expect(error.detail).toBe('Key (email)=([redacted]) already exists.')
    expect(printed(error)).not.toContain(secret)
    expect(error.unredacted().detail).toBe(`Key (email)=(${secret}) already exists.`)
  })

  it('are redacted from foreign key and check violations', async () => {
    const foreign = (await failure(
      sql`insert into redact_posts values (1, ${`${secret}-x`})`,
    )) as DatabaseError
    expect(foreign.detail).toBe('Key (author)=([redacted]) is not present in table "redact_users".')
    expect(printed(foreign)).not.toContain(secret)
    const check = (await failure(
      sql`insert into redact_users values (3, ${`${secret}-y`}, -1)`,
    )) as DatabaseError
    expect(check.kind).toBe('check_violation')
    expect(check.detail).toBe('Failing row contains ([redacted]).')
    expect(printed(check)).not.toContain(secret)
    expect(check.unredacted().detail).toContain(secret)
  })

  it('are redacted from bad input messages, details and context', async () => {
    const number = (await failure(sql`select ${secret}::int4`)) as DatabaseError
    expect(number.message).toBe('invalid input syntax for type integer: [redacted]')
    expect(number.unredacted().message).toBe(`invalid input syntax for type integer: "${secret}"`)
    const json = (await failure(sql`select ${`{"a": ${secret}}`}::jsonb`)) as DatabaseError
    expect(json.kind).toBe('invalid_text_representation')
    expect(printed(number) + printed(json)).not.toContain(secret)
  })
})

describe('redaction rules', () => {
  it('keep names and drop values, including values that hold quotes and parentheses', () => {
    expect(redactDetail('23505', 'Key (lower(email))=(a) b)=(c) already exists.')).toBe(
      'Key (lower(email))=([redacted]) already exists.',
    )
    expect(redactDetail('23P01', 'Key (r)=([1,2)) conflicts with existing key (r)=([1,3)).')).toBe(
      'Key (r)=([redacted]).',
    )
    expect(redactMessage('22P02', 'invalid input value for enum mood: "a"b"')).toBe(
      'invalid input value for enum mood: [redacted]',
    )
    expect(redactMessage('22003', 'value "99999999999" is out of range for type integer')).toBe(
      'value [redacted] is out of range for type integer',
    )
  })

  it('leave errors that name objects, not data, alone', () => {
    expect(redactMessage('42P01', 'relation "users" does not exist')).toBe('relation "users" does not exist')
    expect(
      redactDetail('40P01', 'Process 1 waits for ShareLock on transaction 2; blocked by process 3.'),
    ).toBe('Process 1 waits for ShareLock on transaction 2; blocked by process 3.')
  })

  it('copies a driver error whose fields cannot be redacted in place', () => {
    const driverError = new Error(`invalid input syntax for type integer: "${secret}"`)
    Object.defineProperty(driverError, 'code', { value: '22P02', enumerable: true })
    Object.defineProperty(driverError, 'where', { value: `line 1: ${secret}`, enumerable: true })
    Object.defineProperty(driverError, 'parameters', { value: [secret], enumerable: false })
    const error = toDatabaseError(driverError, 'select $1::int4') as DatabaseError
    expect(error.cause).not.toBe(driverError)
    expect(printed(error)).not.toContain(secret)
    expect(error.unredacted().message).toContain(secret)
  })
})
