import { type InferSelect, type QueryResult, sql, type WriteResult } from 'tidemark'
import type { NeonHttpDatabase } from 'tidemark/neon'
import { integer, table, text } from 'tidemark/pg'
import { describe, expectTypeOf, it } from 'vitest'

const accounts = table('accounts', { id: integer().primaryKey(), owner: text().notNull() })
const schema = { accounts }

declare const db: NeonHttpDatabase<import('tidemark').RelationalQueries<typeof schema, {}>>

describe('NeonHttpDatabase.batch', () => {
  it('types each result as its query resolves on its own, in order', async () => {
    const results = await db.batch([
      db.insert(accounts).values({ id: 1, owner: 'ada' }),
      db.select({ id: accounts.id }).from(accounts),
      db.insert(accounts).values({ id: 2, owner: 'grace' }).returning(),
      db.query.accounts.findFirst(),
      sql`select 1 as one`,
    ])
    expectTypeOf(results).toEqualTypeOf<
      [
        WriteResult,
        { id: number }[],
        InferSelect<typeof accounts>[],
        InferSelect<typeof accounts> | undefined,
        QueryResult<Record<string, unknown>>,
      ]
    >()
  })

  it('takes transaction options and only queries', () => {
    db.batch([sql`select 1`], { isolationLevel: 'repeatable read', accessMode: 'read only' })
    // @ts-expect-error an awaited result is not a query
    db.batch([[{ id: 1 }]])
    // @ts-expect-error Neon's option names are not Tidemark's
    db.batch([sql`select 1`], { readOnly: true })
  })
})
