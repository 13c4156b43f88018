import { expect, it } from 'vitest'
import type { QueryEvent } from '../../src/database/database.js'
import { DatabaseError } from '../../src/errors.js'
import { sql } from '../../src/sql/sql.js'
import { describeEachDriver } from '../support/databases.js'

describeEachDriver('query logger', (target) => {
  it('reports each statement with its params, duration and row count', async () => {
    const events: QueryEvent[] = []
    const db = target.withOptions({ logger: (event) => events.push(event) })
    await db.execute(sql`select ${'x'}::text as v from generate_series(1, 2)`)
    expect(events).toEqual([
      {
        sql: 'select $1::text as v from generate_series(1, 2)',
        params: ['x'],
        durationMs: expect.any(Number),
        rowCount: 2,
      },
    ])
    expect(events[0]!.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('reports failures with the error', async () => {
    const events: QueryEvent[] = []
    const db = target.withOptions({ logger: (event) => events.push(event) })
    await expect(db.execute(sql`select * from missing_table`)).rejects.toBeInstanceOf(DatabaseError)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ sql: 'select * from missing_table', rowCount: null })
    expect(events[0]!.error).toBeInstanceOf(DatabaseError)
  })

  it('reports the statements Tidemark sends for transactions', async () => {
    const events: QueryEvent[] = []
    const db = target.withOptions({ logger: (event) => events.push(event) })
    await db.transaction(
      async (tx) => {
        await tx.execute(sql`select 1`)
        await tx.transaction(async (inner) => {
          await inner.execute(sql`select 2`)
        })
        await tx
          .transaction(async () => {
            throw new Error('undo')
          })
          .catch(() => {})
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
    expect(events.map((event) => event.sql)).toEqual([
      'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY',
      'select 1',
      'SAVEPOINT tidemark_sp_1',
      'select 2',
      'RELEASE SAVEPOINT tidemark_sp_1',
      'SAVEPOINT tidemark_sp_1',
      'ROLLBACK TO SAVEPOINT tidemark_sp_1',
      'RELEASE SAVEPOINT tidemark_sp_1',
    ])
  })
})
