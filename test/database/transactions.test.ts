import { beforeAll, beforeEach, expect, it } from 'vitest'
import type { Transaction } from '../../src/database/database.js'
import { DatabaseError, TidemarkError } from '../../src/errors.js'
import { sql } from '../../src/sql/sql.js'
import { describeEachDriver } from '../support/databases.js'

describeEachDriver('transactions', (target) => {
  const names = async () =>
    (await target.db.execute<{ name: string }>(sql`select name from items order by name`)).rows.map(
      (r) => r.name,
    )
  const insert = (tx: Transaction, name: string) => tx.execute(sql`insert into items (name) values (${name})`)

  beforeAll(() => target.exec('create table items (name text primary key)'))
  beforeEach(() => target.exec('delete from items'))

  it('commits when the callback resolves, returning its value', async () => {
    const result = await target.db.transaction(async (tx) => {
      await insert(tx, 'a')
      return 'done'
    })
    expect(result).toBe('done')
    expect(await names()).toEqual(['a'])
  })

  it('rolls back when the callback throws, rethrowing the error', async () => {
    const failure = new Error('boom')
    await expect(
      target.db.transaction(async (tx) => {
        await insert(tx, 'a')
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(await names()).toEqual([])
  })

  it('rolls back only the inner work when a nested failure is caught', async () => {
    await target.db.transaction(async (tx) => {
      await insert(tx, 'outer')
      await expect(
        tx.transaction(async (inner) => {
          await insert(inner, 'inner')
          await insert(inner, 'outer') // unique violation: aborts the savepoint, not the transaction
        }),
      ).rejects.toBeInstanceOf(DatabaseError)
      await insert(tx, 'after')
    })
    expect(await names()).toEqual(['after', 'outer'])
  })

  it('keeps nested work when the nested transaction succeeds, at any depth', async () => {
    await target.db.transaction(async (tx) => {
      await tx.transaction(async (a) => {
        await insert(a, 'depth1')
        await a.transaction((b) => insert(b, 'depth2'))
      })
      // The same depth can open savepoints again.
      await tx.transaction((a) => insert(a, 'again'))
    })
    expect(await names()).toEqual(['again', 'depth1', 'depth2'])
  })

  it('rolls back nested work with the outer transaction', async () => {
    await expect(
      target.db.transaction(async (tx) => {
        await tx.transaction((inner) => insert(inner, 'inner'))
        throw new Error('outer fails')
      }),
    ).rejects.toThrow('outer fails')
    expect(await names()).toEqual([])
  })

  it('refuses to report success when a failure was caught without a nested transaction', async () => {
    const error = await target.db
      .transaction(async (tx) => {
        await insert(tx, 'lost')
        await tx.execute(sql`select 1/0`).catch(() => {})
        return 'looks fine'
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseError)
    expect(error).toMatchObject({ code: '25P02', query: 'COMMIT' })
    expect((error as Error).message).toMatch(/rolled back instead of committed/)
    expect(await names()).toEqual([])
  })

  it('sets the isolation level', async () => {
    const level = await target.db.transaction(
      async (tx) =>
        (await tx.execute<{ transaction_isolation: string }>(sql`show transaction_isolation`)).rows[0],
      { isolationLevel: 'serializable' },
    )
    expect(level).toEqual({ transaction_isolation: 'serializable' })
    const repeatable = await target.db.transaction(
      async (tx) => (await tx.execute(sql`show transaction_isolation`)).rows[0],
      { isolationLevel: 'repeatable read', accessMode: 'read write' },
    )
    expect(repeatable).toEqual({ transaction_isolation: 'repeatable read' })
  })

  it('rejects writes in a read-only transaction', async () => {
    const error = await target.db
      .transaction((tx) => insert(tx, 'nope'), { accessMode: 'read only' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseError)
    expect(error).toMatchObject({ code: '25006', kind: 'other' })
    expect(await names()).toEqual([])
  })

  it('refuses options on a nested transaction', async () => {
    await expect(
      target.db.transaction((tx) => tx.transaction(async () => {}, { isolationLevel: 'serializable' })),
    ).rejects.toThrow(TidemarkError)
  })

  it('refuses unknown option values before opening a transaction', async () => {
    const options = { isolationLevel: 'chaos' } as unknown as { isolationLevel: 'serializable' }
    await expect(target.db.transaction(async () => {}, options)).rejects.toThrow(/isolationLevel "chaos"/)
  })

  it('refuses to run queries on a transaction after its callback finished', async () => {
    let leaked: Transaction | undefined
    await target.db.transaction(async (tx) => {
      leaked = tx
    })
    await expect(leaked!.execute(sql`select 1`)).rejects.toThrow(/already finished/)
    await expect(leaked!.transaction(async () => {})).rejects.toThrow(/already finished/)

    let leakedInner: Transaction | undefined
    await target.db.transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        leakedInner = inner
      })
      await expect(leakedInner!.execute(sql`select 1`)).rejects.toThrow(/already finished/)
    })
  })

  it('runs transactions on their own connection, isolated from other queries', async () => {
    await target.db.transaction(async (tx) => {
      await insert(tx, 'pending')
      expect((await tx.execute(sql`select count(*)::int4 as n from items`)).rows).toEqual([{ n: 1 }])
    })
    expect(await names()).toEqual(['pending'])
  })
})
