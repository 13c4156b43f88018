import { type SchemaModel, SQL, type TableModel } from 'tidemark'
import { type AnyTable, introspect, renderCreate, toModel } from 'tidemark/pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { kindOf } from '../../../src/schema/kind.js'
import { tableDefinition } from '../../../src/schema/table.js'
import * as kitchenSink from '../../fixtures/kitchen-sink.js'
import { applyStatements } from '../../support/catalog.js'
import { describeEachSchemaTarget } from '../../support/databases.js'

const expected: SchemaModel = toModel(kitchenSink)

/**
 * Authored expressions come back in PostgreSQL's canonical text, so they are compared by presence:
 * each is replaced by a marker saying whether it is set.
 */
function withoutExpressions(model: SchemaModel): unknown {
  const present = (value: string | null): string | null => (value === null ? null : '<expression>')
  return {
    ...model,
    tables: model.tables.map((table: TableModel) => ({
      ...table,
      columns: table.columns.map((column) => ({
        ...column,
        default: authoredDefaults.has(`${table.schema}.${table.name}.${column.name}`)
          ? present(column.default)
          : column.default,
        generated: present(column.generated),
      })),
      checks: table.checks.map((check) => ({ ...check, expression: present(check.expression) })),
      indexes: table.indexes.map((index) => ({
        ...index,
        where: present(index.where),
        elements: index.elements.map((element) => ({ ...element, expression: present(element.expression) })),
      })),
    })),
    views: model.views.map((view) => ({ ...view, definition: present(view.definition) })),
  }
}

/** `schema.table.column` of every column whose default is an authored `sql` expression. */
const authoredDefaults = new Set(
  Object.values(kitchenSink).flatMap((value) => {
    if (kindOf(value) !== 'table') return []
    const def = (value as AnyTable)[tableDefinition]
    return Object.values(def.columns)
      .filter((column) => column.config.default?.value instanceof SQL)
      .map((column) => `${def.schema}.${def.name}.${column.name}`)
  }),
)

describe('the kitchen sink', () => {
  it('has authored expression defaults for the comparison to set aside', () => {
    expect(authoredDefaults.size).toBeGreaterThan(0)
  })
})

describeEachSchemaTarget('introspecting the kitchen sink', (target) => {
  let live: SchemaModel
  beforeAll(async () => {
    await applyStatements(target.db, renderCreate(expected))
    live = await introspect(target.db)
  })

  it('reads back the model toModel gives, field for field', () => {
    expect(withoutExpressions(live)).toEqual(withoutExpressions(expected))
  })

  it('reads authored expressions in canonical form', () => {
    const accounts = live.tables.find((t) => t.name === 'accounts')!
    expect(accounts.columns.find((c) => c.name === 'created_at')!.default).toBe('now()')
    expect(accounts.columns.find((c) => c.name === 'slug_length')!.generated).toBe('length((slug)::text)')
    expect(accounts.checks.find((c) => c.name === 'accounts_balance_check')!.expression).toBe(
      '(balance >= (0)::numeric)',
    )
    const lower = accounts.indexes.find((i) => i.name === 'accounts_lower_idx')!
    expect(lower.elements[0]!.expression).toBe('lower(name)')
    expect(lower.where).toBe('active')
    // The same text on PostgreSQL 15, which would qualify the columns of a one-table query.
    expect(live.views.map((v) => v.definition)).toEqual([
      [
        'SELECT n.id,',
        '    sum(invoices.amount) AS total',
        '   FROM public.account_names n',
        '     JOIN billing.invoices ON invoices.account_id = n.id',
        '  GROUP BY n.id',
      ].join('\n'),
      'SELECT id,\n    name\n   FROM public.accounts\n  WHERE active',
    ])
  })
})
