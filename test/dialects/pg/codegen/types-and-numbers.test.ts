import type { IndexElementModel } from 'tidemark'
import { describe, expect, it } from 'vitest'
import { codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import {
  asPulled,
  columnModel,
  loadGenerated,
  schemaModel,
  TEMPLATE_CHARACTERS,
  tableModel,
} from './support.js'

describe('codegen of types', () => {
  const model = schemaModel({
    schemas: ['app'],
    enums: [{ schema: 'app', name: 'Mood', values: ['sad', "it's ok", TEMPLATE_CHARACTERS], comment: null }],
    tables: [
      tableModel('typed', [
        columnModel('at', 'timestamp(0) without time zone'),
        columnModel('at_zone', 'timestamp(3) with time zone'),
        columnModel('clock', 'time(2) with time zone'),
        columnModel('price', 'numeric(10,2)'),
        columnModel('whole', 'numeric(5,0)'),
        columnModel('code', 'character varying(40)'),
        columnModel('letter', 'character(1)'),
        columnModel('pair', 'character(2)'),
        columnModel('span', 'interval hour to minute'),
        columnModel('ints', 'integer[]', { dimensions: 1 }),
        columnModel('grid', 'text[]', { dimensions: 2 }),
        columnModel('mood', 'app."Mood"'),
        columnModel('moods', 'app."Mood"[]', { dimensions: 1 }),
        columnModel('flags', 'bit(8)'),
        columnModel('search', 'tsvector'),
        columnModel('searches', 'tsvector[]', { dimensions: 1 }),
        columnModel('cash', 'money'),
        columnModel('during', 'tstzrange'),
        columnModel('positive', 'app.positive_int'),
        columnModel('kind', '"char"'),
        columnModel('raw', 'bpchar'),
      ]),
    ],
  })
  const { source } = codegen(model)

  it('spells typmods and array dimensions with the builders', () => {
    expect(source).toContain('at: timestamp({ precision: 0 }),')
    expect(source).toContain("atZone: timestamptz('at_zone', { precision: 3 }),")
    expect(source).toContain('clock: timetz({ precision: 2 }),')
    expect(source).toContain('price: numeric({ precision: 10, scale: 2 }),')
    expect(source).toContain('whole: numeric({ precision: 5 }),')
    expect(source).toContain('code: varchar({ length: 40 }),')
    expect(source).toContain('letter: char(),')
    expect(source).toContain('pair: char({ length: 2 }),')
    expect(source).toContain("span: interval({ fields: 'hour to minute' }),")
    expect(source).toContain('ints: integer().array(),')
    expect(source).toContain('grid: text().array().array(),')
    expect(source).toContain('mood: mood(),')
    expect(source).toContain('moods: mood().array(),')
  })

  it('declares every other type with customType, once', () => {
    expect(source).toContain("const bit8 = customType<string>({ dataType: 'bit(8)' })")
    expect(source).toContain("const tsvector = customType<string>({ dataType: 'tsvector' })")
    expect(source).toContain("const appPositiveInt = customType<string>({ dataType: 'app.positive_int' })")
    expect(source).toContain('const charType = customType<string>({ dataType: \'"char"\' })')
    expect(source).toContain('searches: tsvector().array(),')
    expect(source.match(/dataType: 'tsvector'/g)).toHaveLength(1)
    expect(source).toContain(
      `export const mood = app.enumType('Mood', ['sad', "it's ok", '${TEMPLATE_CHARACTERS}'])`,
    )
  })

  it('gives back every type', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})

describe('codegen of 64-bit numbers', () => {
  const max = '9223372036854775807'
  const min = '-9223372036854775808'
  const model = schemaModel({
    sequences: [
      {
        schema: 'public',
        name: 'countdown',
        type: 'bigint',
        start: max,
        increment: '-1',
        minValue: min,
        maxValue: max,
        cache: '5',
        cycle: true,
        ownedBy: null,
      },
      {
        schema: 'public',
        name: 'small',
        type: 'smallint',
        start: '7',
        increment: '3',
        minValue: '1',
        maxValue: '32767',
        cache: '1',
        cycle: false,
        ownedBy: null,
      },
    ],
    tables: [
      tableModel('numbered', [
        columnModel('id', 'bigint', {
          notNull: true,
          identity: {
            generation: 'always',
            sequence: {
              name: 'numbered_id_seq',
              start: '9223372036854775806',
              increment: '1',
              minValue: '1',
              maxValue: max,
              cache: '1',
              cycle: false,
            },
          },
        }),
        columnModel('huge', 'numeric(30,0)', { default: "'123456789012345678901234567890'::numeric" }),
      ]),
    ],
  })
  const { source } = codegen(model)

  it('writes bounds beyond 2^53 as strings and small ones as numbers, only where they are not the default', () => {
    expect(source).toContain(
      `export const countdown = sequence('countdown', {\n  increment: -1,\n  maxValue: '${max}',\n  cache: 5,\n  cycle: true,\n})`,
    )
    expect(source).toContain(
      "export const small = sequence('small', { as: 'smallint', start: 7, increment: 3 })",
    )
    expect(source).toContain("id: bigint().generatedAlwaysAsIdentity({ start: '9223372036854775806' }),")
    // A numeric beyond bigint prints quoted, which is what the string default writes.
    expect(source).toContain("huge: numeric({ precision: 30 }).default('123456789012345678901234567890'),")
  })

  it('gives back every number exactly', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})

describe('codegen of indexes', () => {
  const key = (fields: Partial<IndexElementModel>): IndexElementModel => ({
    column: null,
    expression: null,
    order: 'asc',
    nulls: 'last',
    opclass: null,
    collation: null,
    ...fields,
  })
  const model = schemaModel({
    tables: [
      tableModel(
        'docs',
        [columnModel('title', 'text'), columnModel('rank', 'integer'), columnModel('body', 'text')],
        {
          indexes: [
            {
              comment: null,
              name: 'docs_body_idx',
              unique: false,
              method: 'hnsw',
              elements: [key({ column: 'body', opclass: 'public.vector_ops' })],
              include: [],
              where: null,
              nullsNotDistinct: false,
              storageParameters: [],
            },
            {
              comment: null,
              name: 'docs_search',
              unique: false,
              method: 'btree',
              elements: [
                key({
                  column: 'title',
                  order: 'desc',
                  nulls: 'first',
                  opclass: 'text_pattern_ops',
                  collation: 'C',
                }),
                key({ column: 'rank', nulls: 'first' }),
                key({ expression: 'lower(body)', order: 'desc', nulls: 'last' }),
              ],
              include: [],
              where: null,
              nullsNotDistinct: false,
              storageParameters: [],
            },
            {
              comment: null,
              name: 'docs_title_rank_idx',
              unique: true,
              method: 'btree',
              elements: [key({ column: 'title' })],
              include: ['rank'],
              where: '(rank > 0)',
              nullsNotDistinct: true,
              storageParameters: [],
            },
          ],
        },
      ),
    ],
  })
  const { source } = codegen(model)

  it('keeps each key with its own order, nulls, operator class and collation', () => {
    expect(source).toContain(
      "index('docs_search').on(\n      desc(t.title).op('text_pattern_ops').collate('C'),\n      asc(t.rank).nullsFirst(),\n      desc(sql`lower(body)`).nullsLast(),\n    ),",
    )
    expect(source).toContain(
      'uniqueIndex().on(t.title).include(t.rank).where(sql`(rank > 0)`).nullsNotDistinct(),',
    )
    expect(source).toContain(".using('hnsw' as IndexMethod)")
  })

  it('gives back every index', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})
