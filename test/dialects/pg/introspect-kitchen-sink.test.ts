import type { SchemaModel, TableModel } from 'tidemark'
import { introspect, renderCreate, toModel } from 'tidemark/pg'
import { beforeAll, describe, expect, it } from 'vitest'
import * as kitchenSink from '../../fixtures/kitchen-sink.js'
import { applyStatements } from '../../support/catalog.js'
import { describeEachDatabase } from '../../support/databases.js'

const expected: SchemaModel = toModel(kitchenSink)

/**
 * Authored expressions come back in PostgreSQL's canonical text, so they are compared by presence:
 * each is replaced by a marker saying whether it is set.
 */
function withoutExpressions(model: SchemaModel): unknown {
  const present = (value: string | null): string | null => (value === null ? null : '<expression>')
  const literalOrExpression = (value: string | null, literal: boolean): string | null =>
    literal ? value : present(value)
  return {
    ...model,
    tables: model.tables.map((table: TableModel) => ({
      ...table,
      columns: table.columns.map((column) => ({
        ...column,
        default: literalOrExpression(column.default, isLiteralDefault(model, table, column.name)),
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

/** The expected model's default for this column is one PostgreSQL prints as written (not an authored expression). */
function isLiteralDefault(_model: SchemaModel, table: TableModel, column: string): boolean {
  const authored = expected.tables
    .find((t) => t.schema === table.schema && t.name === table.name)
    ?.columns.find((c) => c.name === column)?.default
  return authored === undefined || authored === null || !authoredExpressionDefaults.has(authored)
}

// The kitchen sink's expression defaults written with sql`...` (nextval defaults are predicted exactly).
const authoredExpressionDefaults = new Set(['now()', 'gen_random_uuid()'])

describe('the kitchen-sink model', () => {
  it('uses authored expression defaults the comparison knows about', () => {
    const defaults = expected.tables.flatMap((t) => t.columns.map((c) => c.default))
    for (const authored of authoredExpressionDefaults) expect(defaults).toContain(authored)
  })
})

describeEachDatabase('introspecting the kitchen sink', (target) => {
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
    expect(live.views.find((v) => v.name === 'account_names')!.definition).toMatch(/^SELECT /)
  })
})
