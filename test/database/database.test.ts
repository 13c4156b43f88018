import { describe, expect, it } from 'vitest'
import { createDatabase } from '../../src/create-database.js'
import type { QueryEvent, Transaction } from '../../src/database/database.js'
import type { Driver, DriverConnection, RawResult } from '../../src/database/driver.js'
import { TidemarkError } from '../../src/errors.js'
import { sql } from '../../src/sql/sql.js'

/** A driver that records statements and answers from a script, to pin down exact behaviour. */
function fakeDriver(answer: (sql: string, params: readonly (string | null)[]) => RawResult = () => empty) {
  const log: string[] = []
  const connection: DriverConnection = {
    query: async (text, params) => {
      log.push(text)
      return answer(text, params)
    },
  }
  const driver: Driver = {
    ...connection,
    transaction: async (fn) => {
      log.push('BEGIN')
      try {
        const result = await fn(connection)
        log.push('COMMIT')
        return result
      } catch (error) {
        log.push('ROLLBACK')
        throw error
      }
    },
    close: async () => {
      log.push('close')
    },
  }
  return { driver, log }
}

const empty: RawResult = { fields: [], rows: [], rowCount: 0, command: 'SELECT' }

describe('createDatabase', () => {
  it('compiles fragments and passes encoded params to the driver', async () => {
    const seen: unknown[] = []
    const { driver } = fakeDriver((text, params) => {
      seen.push(text, params)
      return empty
    })
    await createDatabase(driver).execute(sql`select ${1}, ${'a'}, ${null}`)
    expect(seen).toEqual(['select $1, $2, $3', ['1', 'a', null]])
  })

  it('decodes rows by field: query decoders, then OID defaults, then text', async () => {
    const { driver } = fakeDriver(() => ({
      fields: [
        { name: 'flag', typeOid: 16 },
        { name: 'big', typeOid: 20 },
        { name: 'id', typeOid: 2950 },
        { name: 'gone', typeOid: 23 },
      ],
      rows: [['t', '12', 'abc', null]],
      rowCount: 1,
      command: 'SELECT',
    }))
    const { rows } = await createDatabase(driver).execute({ sql: 'x', params: [], decoders: { big: BigInt } })
    expect(rows).toEqual([{ flag: true, big: 12n, id: 'abc', gone: null }])
  })

  it('keeps a field named __proto__ as a plain property', async () => {
    const { driver } = fakeDriver(() => ({
      fields: [
        { name: '__proto__', typeOid: 25 },
        { name: 'constructor', typeOid: 25 },
      ],
      rows: [['x', 'y']],
      rowCount: 1,
      command: 'SELECT',
    }))
    const { rows } = await createDatabase(driver).execute({ sql: 'x', params: [], decoders: {} })
    const row = rows[0]!
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype)
    expect(Object.keys(row)).toEqual(['__proto__', 'constructor'])
    expect(row.constructor).toBe('y')
  })

  it('uses savepoints named by depth for nested transactions', async () => {
    const { driver, log } = fakeDriver()
    await createDatabase(driver).transaction(async (tx) => {
      await tx.transaction(async (a) => {
        await a.transaction(async (b) => {
          await b.execute(sql`select 3`)
        })
      })
    })
    expect(log).toEqual([
      'BEGIN',
      'SAVEPOINT tidemark_sp_1',
      'SAVEPOINT tidemark_sp_2',
      'select 3',
      'RELEASE SAVEPOINT tidemark_sp_2',
      'RELEASE SAVEPOINT tidemark_sp_1',
      'COMMIT',
    ])
  })

  it('refuses two nested transactions at once on the same transaction', async () => {
    const { driver } = fakeDriver()
    await expect(
      createDatabase(driver).transaction(async (tx) => {
        await Promise.all([tx.transaction(async () => {}), tx.transaction(async () => {})])
      }),
    ).rejects.toThrow(/one nested transaction can run at a time/)
  })

  it('throws a TidemarkError when a finished transaction is used', async () => {
    const { driver } = fakeDriver()
    let leaked: Transaction | undefined
    await createDatabase(driver).transaction(async (tx) => {
      leaked = tx
    })
    const error = await leaked!.execute(sql`select 1`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TidemarkError)
    expect((error as Error).message).toMatch(/already finished/)
  })

  it('does not report a logger failure or decode failure as a failed query', async () => {
    const events: QueryEvent[] = []
    const { driver } = fakeDriver(() => ({
      fields: [{ name: 'j', typeOid: 114 }],
      rows: [['not json']],
      rowCount: 1,
      command: 'SELECT',
    }))
    const db = createDatabase(driver, { logger: (event) => events.push(event) })
    await expect(db.execute(sql`select j`)).rejects.toThrow(SyntaxError)
    expect(events).toHaveLength(1)
    expect(events[0]!.error).toBeUndefined()
  })

  it('closes the driver', async () => {
    const { driver, log } = fakeDriver()
    await createDatabase(driver).close()
    expect(log).toEqual(['close'])
  })
})
