import type { SchemaModel } from 'tidemark'
import { renderCreate, toModel } from 'tidemark/pg'
import { beforeAll, expect, it } from 'vitest'
import * as kitchenSink from '../../fixtures/kitchen-sink.js'
import { applyStatements, type CatalogSnapshot, readCatalog } from '../../support/catalog.js'
import { describeEachSchemaTarget } from '../../support/databases.js'

const model: SchemaModel = toModel(kitchenSink)

describeEachSchemaTarget('a database built from the model stores what the model says', (target) => {
  let catalog: CatalogSnapshot
  beforeAll(async () => {
    await applyStatements(target.db, renderCreate(model))
    catalog = await readCatalog(target.db)
  })

  it('has every schema, table, enum, sequence and view', () => {
    expect(catalog.schemas).toEqual(model.schemas)
    expect(Object.keys(catalog.tables).sort()).toEqual(
      model.tables.map((t) => `${t.schema}.${t.name}`).sort(),
    )
    expect(catalog.enums).toEqual(
      Object.fromEntries(model.enums.map((e) => [`${e.schema}.${e.name}`, e.values])),
    )
    expect(Object.keys(catalog.views).sort()).toEqual(model.views.map((v) => `${v.schema}.${v.name}`).sort())
    expect(catalog.views['billing.account_totals']?.materialized).toBe(true)
  })

  it('gives every column the type, dimensions, nullability, default and identity of the model', () => {
    for (const table of model.tables) {
      const stored = catalog.tables[`${table.schema}.${table.name}`]!
      expect(stored.map((c) => c.name)).toEqual(table.columns.map((c) => c.name))
      table.columns.forEach((column, i) => {
        const { generated, ...actual } = stored[i]!
        expect({ ...actual, generated: generated !== null }, `${table.name}.${column.name}`).toEqual({
          name: column.name,
          type: column.type,
          dimensions: column.dimensions,
          notNull: column.notNull,
          // Literal defaults are predicted exactly, and the expression defaults used here (now(),
          // nextval(...)) are already in PostgreSQL's canonical form.
          default: column.default,
          identity: column.identity?.generation ?? null,
          // Generated expressions are canonicalized by PostgreSQL (length(slug) is stored as
          // length((slug)::text)), so only their presence is predicted.
          generated: column.generated !== null,
        })
      })
    }
  })

  it('stores every comment of the model, exactly', () => {
    const expected: Record<string, string> = {}
    for (const table of model.tables) {
      if (table.comment !== null) expected[`table ${table.schema}.${table.name}`] = table.comment
      for (const column of table.columns) {
        if (column.comment !== null)
          expected[`column ${table.schema}.${table.name}.${column.name}`] = column.comment
      }
    }
    for (const view of model.views) {
      const kind = view.materialized ? 'materialized view' : 'view'
      if (view.comment !== null) expected[`${kind} ${view.schema}.${view.name}`] = view.comment
    }
    for (const e of model.enums) if (e.comment !== null) expected[`type ${e.schema}.${e.name}`] = e.comment
    expect(catalog.comments).toEqual(expected)
    expect(Object.keys(expected)).toHaveLength(8)
  })

  it('names every constraint and index as the model does', () => {
    for (const table of model.tables) {
      const key = `${table.schema}.${table.name}`
      const constraints = Object.entries(catalog.constraints[key] ?? {}).map(
        ([name, [type]]) => `${type}:${name}`,
      )
      const expected = [
        ...(table.primaryKey ? [`p:${table.primaryKey.name}`] : []),
        ...table.uniques.map((u) => `u:${u.name}`),
        ...table.foreignKeys.map((f) => `f:${f.name}`),
        ...table.checks.map((c) => `c:${c.name}`),
      ]
      expect(constraints.sort(), key).toEqual(expected.sort())
      const indexes = Object.keys(catalog.indexes[key] ?? {}).sort()
      const expectedIndexes = [
        ...(table.primaryKey ? [table.primaryKey.name] : []),
        ...table.uniques.map((u) => u.name),
        ...table.indexes.map((i) => i.name),
      ].sort()
      expect(indexes, key).toEqual(expectedIndexes)
    }
  })

  it('keeps each index key with its own options', () => {
    expect(catalog.indexes['public.accounts']!.accounts_name_search_idx).toBe(
      'CREATE INDEX accounts_name_search_idx ON public.accounts USING btree (name COLLATE "C" text_pattern_ops, id DESC NULLS LAST)',
    )
    expect(catalog.indexes['public.accounts']!.accounts_country_code_name_slug_idx).toBe(
      'CREATE UNIQUE INDEX accounts_country_code_name_slug_idx ON public.accounts USING btree (country_code, name) INCLUDE (slug) NULLS NOT DISTINCT',
    )
    expect(catalog.constraints['public.members']!.members_account_id_invited_by_fkey).toEqual([
      'f',
      'FOREIGN KEY (account_id, invited_by) REFERENCES public.members(account_id, user_id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED',
    ])
  })

  it('creates sequences with exact 64-bit parameters', () => {
    const identities = model.tables.flatMap((t) =>
      t.columns.flatMap((c) =>
        c.identity
          ? [
              {
                key: `${t.schema}.${c.identity.sequence.name}`,
                schema: t.schema,
                type: c.type,
                ...c.identity.sequence,
                ownedBy: { table: t.name, column: c.name },
              },
            ]
          : [],
      ),
    )
    const expected = [...model.sequences.map((s) => ({ ...s, key: `${s.schema}.${s.name}` })), ...identities]
    expect(Object.keys(catalog.sequences).sort()).toEqual(expected.map((s) => s.key).sort())
    for (const s of expected) {
      expect(catalog.sequences[s.key], s.key).toEqual({
        type: s.type,
        start: s.start,
        increment: s.increment,
        min: s.minValue,
        max: s.maxValue,
        cache: s.cache,
        cycle: s.cycle,
        ownedBy: s.ownedBy && `${s.schema}.${s.ownedBy.table}.${s.ownedBy.column}`,
      })
    }
    expect(catalog.sequences['billing.invoices_huge_sequence']!.min).toBe('-9223372036854775808')
  })
})
