import { beforeAll, expect, it } from 'vitest'
import { DatabaseError, TidemarkError } from '../../src/errors.js'
import { sql } from '../../src/sql/sql.js'
import { describeEachDriver } from '../support/databases.js'

describeEachDriver('database errors', (target) => {
  const failure = (query: ReturnType<typeof sql>) =>
    target.db.execute(query).then(
      () => {
        throw new Error('expected the query to fail')
      },
      (error: unknown) => error as DatabaseError,
    )

  beforeAll(() =>
    target.exec(`
      create schema shop;
      create table shop.users (id int4 primary key, email text not null constraint users_email_key unique);
      insert into shop.users values (1, 'a@example.com');
    `),
  )

  it('classifies a unique violation with its constraint, table and schema', async () => {
    const error = await failure(sql`insert into shop.users values (2, ${'a@example.com'})`)
    expect(error).toBeInstanceOf(DatabaseError)
    expect(error).toBeInstanceOf(TidemarkError)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'DatabaseError',
      code: '23505',
      kind: 'unique_violation',
      constraint: 'users_email_key',
      table: 'users',
      schema: 'shop',
      severity: 'ERROR',
      query: 'insert into shop.users values (2, $1)',
    })
    expect(error.detail).toBe('Key (email)=([redacted]) already exists.')
    expect(error.unredacted().detail).toBe('Key (email)=(a@example.com) already exists.')
    expect(error.cause).toBeDefined()
  })

  it('names the column of a not-null violation', async () => {
    const error = await failure(sql`insert into shop.users (id) values (3)`)
    expect(error).toMatchObject({
      code: '23502',
      kind: 'not_null_violation',
      column: 'email',
      table: 'users',
    })
  })

  it('reports the position of a syntax error', async () => {
    const error = await failure(sql`select from from shop.users`)
    expect(error).toMatchObject({ code: '42601', kind: 'syntax_error', position: 13 })
  })

  it('classifies undefined tables and columns and bad input text', async () => {
    expect(await failure(sql`select * from nowhere`)).toMatchObject({
      kind: 'undefined_table',
      code: '42P01',
    })
    expect(await failure(sql`select nope from shop.users`)).toMatchObject({ kind: 'undefined_column' })
    expect(await failure(sql`select ${'x'}::int4`)).toMatchObject({ kind: 'invalid_text_representation' })
  })

  it('keeps the connection usable after an error', async () => {
    await failure(sql`select 1/0`)
    expect((await target.db.execute(sql`select 1::int4 as one`)).rows).toEqual([{ one: 1 }])
  })

  it('converts errors inside transactions too', async () => {
    const error = await target.db
      .transaction((tx) => tx.execute(sql`insert into shop.users values (1, 'b@example.com')`))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseError)
    expect(error).toMatchObject({ kind: 'unique_violation' })
  })
})
