import type { DefinedObjectModel, SchemaModel, ViewModel } from 'tidemark'
import { describe, expect, it } from 'vitest'
import { codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import { asPulled, biomeFormat, columnModel, loadGenerated, schemaModel, tableModel } from './support.js'

const other = (
  kind: DefinedObjectModel['kind'],
  name: string,
  table: string | null = null,
): DefinedObjectModel => ({
  kind,
  schema: 'app',
  name,
  table,
  definition: `-- ${kind} ${name}`,
  comment: null,
  enabled: kind === 'trigger' ? 'origin' : null,
})

const view = (schema: string, name: string, definition: string, dependsOn: string[]): ViewModel => ({
  columnDefaults: [],
  columnComments: [],
  schema,
  name,
  materialized: false,
  definition,
  withNoData: false,
  storageParameters: [],
  dependsOn,
  indexes: [],
  comment: null,
})

describe('codegen of what the DSL cannot declare', () => {
  const model = schemaModel({
    schemas: ['app'],
    tables: [tableModel('events', [columnModel('id', 'integer')], { schema: 'app' })],
    definedObjects: [
      other('aggregate', 'total(integer)'),
      other('aggregate', 'evil */ total(integer)'),
      other('range type', 'span'),
      other('rule', 'owner_only', 'events'),
      other('cast', '(text AS app.tag)'),
      other('publication', 'feed'),
      other('statistics object', 'events_stats', 'events'),
    ],
  })
  const { source, warnings } = codegen(model)

  it('lists every object at the top of the file, so nothing is silently lost', () => {
    expect(source.startsWith('/**\n')).toBe(true)
    expect(source).toContain(
      [
        ' * Not written as code yet (the schema DSL cannot declare them); they stay managed by your migrations:',
        ' * - aggregate app.evil *\\/ total(integer)',
        ' * - aggregate app.total(integer)',
        ' * - range type app.span',
        ' * - rule owner_only on app.events',
        ' * - cast (text AS app.tag)',
        ' * - publication feed',
        ' * - statistics object events_stats on app.events',
        ' */',
      ].join('\n'),
    )
  })

  it('warns once per kind', () => {
    expect(warnings).toEqual([
      '2 aggregates are not written as code yet; they stay managed by your migrations',
      '1 range type is not written as code yet; it stays managed by your migrations',
      '1 rule is not written as code yet; it stays managed by your migrations',
      '1 cast is not written as code yet; it stays managed by your migrations',
      '1 publication is not written as code yet; it stays managed by your migrations',
      '1 statistics object is not written as code yet; it stays managed by your migrations',
    ])
  })

  it('still loads: the comment cannot end early', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})

describe('the generated module', () => {
  const model: SchemaModel = schemaModel({
    schemas: ['b_schema', 'empty'],
    enums: [
      { schema: 'b_schema', name: 'alpha', values: ['a'], comment: null },
      { schema: 'public', name: 'zeta', values: ['z'], comment: null },
    ],
    sequences: [
      {
        schema: 'public',
        name: 'numbers',
        type: 'bigint',
        start: '1',
        increment: '1',
        minValue: '1',
        maxValue: '9223372036854775807',
        cache: '1',
        cycle: false,
        ownedBy: null,
      },
    ],
    tables: [
      tableModel('things', [columnModel('id', 'integer'), columnModel('mood', 'b_schema.alpha')], {
        schema: 'b_schema',
      }),
      tableModel('apples', [
        columnModel('a_very_long_column_name_that_goes_on_and_on_and_on_for_a_while', 'text', {
          notNull: true,
          default: "'a default value long enough to wrap the line somewhere'::text",
        }),
      ]),
    ],
    views: [
      // `a_view` reads `z_view`, so it comes after it whatever their names.
      view('public', 'a_view', 'SELECT 1 AS one\n   FROM public.z_view', ['public.z_view']),
      view(
        'public',
        'z_view',
        'SELECT a_very_long_column_name_that_goes_on_and_on_and_on_for_a_while\n   FROM public.apples',
        ['public.apples'],
      ),
    ],
  })
  const { source } = codegen(model)

  it('imports only what it uses', () => {
    expect(source).toContain(
      "import { enumType, integer, schema, sequence, sql, table, text, view } from 'tidemark/pg'",
    )
  })

  it('declares schemas, enums, sequences, tables and views in order, by schema then name', () => {
    const order = [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1])
    expect(order).toEqual([
      'bSchema',
      'empty',
      'alpha',
      'zeta',
      'numbers',
      'things',
      'apples',
      'zView',
      'aView',
    ])
  })

  it('is already formatted the way the repository formats code', () => {
    expect(biomeFormat(source)).toBe(source)
  })

  it('is the same on every run and whatever order the model lists things in', () => {
    const shuffled: SchemaModel = {
      ...model,
      enums: [...model.enums].reverse(),
      tables: [...model.tables].reverse(),
      views: [...model.views].reverse(),
    }
    expect(codegen(model).source).toBe(source)
    expect(codegen(shuffled).source).toBe(source)
  })

  it('gives back the model', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })

  it('is a bare import-free module for an empty database', () => {
    expect(codegen(schemaModel({})).source).toBe('\n')
  })
})
