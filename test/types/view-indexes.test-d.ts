import { type InferSelect, sql } from 'tidemark'
import { index, integer, materializedView, numeric, table, text, uniqueIndex } from 'tidemark/pg'
import { describe, expectTypeOf, it } from 'vitest'

const orders = table('orders', { id: integer().primaryKey(), customer: text(), amount: numeric() })

describe('indexes on a materialized view', () => {
  it('are declared on the view’s own columns', () => {
    const totals = materializedView('totals', { customer: text().notNull(), total: numeric() })
      .indexes((v) => {
        expectTypeOf(v.customer.$value).toEqualTypeOf<string>()
        return [uniqueIndex().on(v.customer), index().on(v.total).include(v.customer)]
      })
      .as(sql`select ${orders.customer}, sum(${orders.amount}) as total from ${orders} group by 1`)
    expectTypeOf<InferSelect<typeof totals>>().toEqualTypeOf<{ customer: string; total: string | null }>()
  })

  it('name no column the view does not declare', () => {
    materializedView('totals', { customer: text() }).indexes((v) => [
      // @ts-expect-error: the view declares no column `total`
      index().on(v.total),
    ])
  })

  it('are indexes, nothing else', () => {
    materializedView('totals', { customer: text() }).indexes((v) => [
      // @ts-expect-error: a column is not an index
      v.customer,
    ])
  })
})
