import { type Database, eq, type InferInsert, type InferSelect } from 'tidemark'
import { bigint, partition, partitionBy, sql, table, text, timestamptz } from 'tidemark/pg'
import { describe, expectTypeOf, it } from 'vitest'

const events = table(
  'events',
  {
    id: bigint().notNull(),
    region: text().notNull(),
    createdAt: timestamptz('created_at').notNull(),
    note: text(),
  },
  (t) => [partitionBy('range', t.createdAt, sql`lower(${t.region})`)],
)
const events2026 = partition(events, 'events_2026', { from: ['2026-01-01', 'a'], to: [sql`MAXVALUE`, 'z'] })

declare const db: Database

describe('partitions', () => {
  it('have their parent’s row types, under their own name', () => {
    expectTypeOf<InferSelect<typeof events2026>>().toEqualTypeOf<InferSelect<typeof events>>()
    expectTypeOf<InferInsert<typeof events2026>>().toEqualTypeOf<InferInsert<typeof events>>()
    expectTypeOf(events2026.$name).toEqualTypeOf<'events_2026'>()
    expectTypeOf(events2026.region.$table).toEqualTypeOf<'events_2026'>()
  })

  it('are queried like tables', async () => {
    const rows = await db.select({ id: events2026.id }).from(events2026).where(eq(events2026.region, 'eu'))
    expectTypeOf(rows).toEqualTypeOf<{ id: number }[]>()
  })

  it('take their own extras, with the parent’s columns', () => {
    partition(events, 'events_eu', { default: true }, (t) => {
      expectTypeOf(t.createdAt.$value).toEqualTypeOf<Date>()
      return [partitionBy('list', t.region)]
    })
  })

  it('accept bounds of the four shapes only', () => {
    partition(events, 'a', { in: ['eu', 1, 2n, new Date(), null] })
    partition(events, 'b', { modulus: 4, remainder: 0 })
    partition(events, 'c', { default: true })
    // @ts-expect-error a range bound needs both edges
    partition(events, 'd', { from: '2026-01-01' })
    // @ts-expect-error a hash bound needs a remainder
    partition(events, 'e', { modulus: 4 })
    // @ts-expect-error default is `true` or nothing
    partition(events, 'f', { default: false })
    // @ts-expect-error bound values are literals or sql
    partition(events, 'g', { in: [{}] })
    // @ts-expect-error the strategy is range, list or hash
    partitionBy('interval', events.id)
    // @ts-expect-error a key has at least one column or expression
    partitionBy('range')
  })
})
