import { inspect } from 'node:util'
import { DatabaseError, sql } from 'tidemark'
import { expect, it } from 'vitest'
import { describeEachStatementDriver } from '../support/databases.js'

describeEachStatementDriver('database errors never carry parameter values', (target) => {
  it('keeps the secret out of the error, its cause and their printed form', async () => {
    const secret = 'hunter2-very-secret'
    const error = await target.db
      .execute(sql`select ${secret}::text as s, 1 / ${0}::int as n`)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseError)
    expect((error as DatabaseError).code).toBe('22012')
    expect((error as DatabaseError).query).toBe('select $1::text as s, 1 / $2::int as n')
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(secret)
    expect(JSON.stringify(error)).not.toContain(secret)
    expect((error as DatabaseError).message).toBe('division by zero')
  })
})
