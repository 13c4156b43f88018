import { describe, expect, it } from 'vitest'
import { codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import {
  asPulled,
  columnModel,
  loadGenerated,
  schemaModel,
  TEMPLATE_CHARACTERS,
  TEMPLATE_CHARACTERS_ESCAPED,
  tableModel,
} from './support.js'

/** Defaults exactly as pg_get_expr prints them, including every character a JS literal must escape. */
const defaults = tableModel('defaults', [
  columnModel('empty', 'text', { default: "''::text" }),
  columnModel('quotes', 'text', { default: `'it''s "quoted"'::text` }),
  columnModel('backslash', 'text', { default: "'back\\slash'::text" }),
  columnModel('newline', 'text', { default: "'line1\nline2\r'::text" }),
  columnModel('template', 'text', { default: `'${TEMPLATE_CHARACTERS}'::text` }),
  columnModel('varchar_cast', 'character varying(10)', { default: "'x'::character varying" }),
  columnModel('call', 'timestamp with time zone', { default: 'now()' }),
  columnModel('escape_string', 'text', { default: "E'tab\\there'::text" }),
  columnModel('ints', 'integer[]', { dimensions: 1, default: "'{1,-2,3}'::integer[]" }),
  columnModel('words', 'text[]', { dimensions: 1, default: `'{plain,"with space","",NULL}'::text[]` }),
  columnModel('grid', 'text[]', { dimensions: 2, default: "'{{a,b},{c,d}}'::text[]" }),
  columnModel('negative', 'integer', { default: "'-7'::integer" }),
  columnModel('big', 'bigint', { default: "'9223372036854775807'::bigint" }),
  columnModel('ratio', 'numeric(4,2)', { default: '1.50' }),
  columnModel('flag', 'boolean', { default: 'true' }),
  columnModel('doc', 'jsonb', { default: `'{"a": "b\\\\c"}'::jsonb` }),
  columnModel('nothing', 'text', { default: 'NULL::text' }),
])

describe('codegen of expressions', () => {
  const model = schemaModel({ tables: [defaults] })
  const { source } = codegen(model)

  it('writes values as JS literals only where they print back exactly', () => {
    expect(source).toContain("empty: text().default(''),")
    expect(source).toContain(`quotes: text().default('it\\'s "quoted"'),`)
    expect(source).toContain("backslash: text().default('back\\\\slash'),")
    expect(source).toContain("newline: text().default('line1\\nline2\\r'),")
    // In a plain string, a backtick and `${` need no escape.
    expect(source).toContain(`template: text().default('${TEMPLATE_CHARACTERS}'),`)
    expect(source).toContain("varcharCast: varchar('varchar_cast', { length: 10 }).default('x'),")
    expect(source).toContain('ints: integer().array().default([1, -2, 3]),')
    expect(source).toContain("grid: text()\n    .array()\n    .array()\n    .default([\n      ['a', 'b'],")
    expect(source).toContain('negative: integer().default(-7),')
    expect(source).toContain("ratio: numeric({ precision: 4, scale: 2 }).default('1.50'),")
    expect(source).toContain('flag: boolean().default(true),')
  })

  it('writes everything else as the catalog text in sql``, escaped for a template literal', () => {
    expect(source).toContain('call: timestamptz().default(sql`now()`),')
    // The catalog's E'' text is kept as SQL: the backslash is doubled in the template.
    expect(source).toContain("escapeString: text('escape_string').default(sql`E'tab\\\\there'::text`),")
    // A NULL element cannot be a string in a text[] column's JS type.
    expect(source).toContain(`words: text().array().default(sql\`'{plain,"with space","",NULL}'::text[]\`),`)
    // 64-bit values never pass through a JS number.
    expect(source).toContain("big: bigint().default(sql`'9223372036854775807'::bigint`),")
    expect(source).toContain(`doc: jsonb().default(sql\`'{"a": "b\\\\\\\\c"}'::jsonb\`),`)
    expect(source).toContain('nothing: text().default(sql`NULL::text`),')
  })

  it('gives back every default character for character', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})

describe('codegen of checks, generated columns, index expressions and views', () => {
  const tricky = `'${TEMPLATE_CHARACTERS}\\d'`
  const table = tableModel(
    'items',
    [
      columnModel('id', 'integer', { notNull: true }),
      columnModel('name', 'text'),
      columnModel('name_length', 'integer', { generated: 'length(name)' }),
    ],
    {
      primaryKey: { comment: null, name: 'items_pkey', columns: ['id'] },
      checks: [
        { comment: null, name: 'items_check', expression: `((id > 0) AND (name <> ${tricky}::text))` },
        { comment: null, name: 'items_name_check', expression: `(name <> ${tricky}::text)` },
      ],
      indexes: [
        {
          comment: null,
          name: 'items_lower_idx',
          unique: false,
          method: 'btree',
          elements: [
            {
              column: null,
              expression: `lower((name || ${tricky}::text))`,
              order: 'asc',
              nulls: 'last',
              opclass: null,
              collation: null,
            },
          ],
          include: [],
          where: `(name <> ${tricky}::text)`,
          nullsNotDistinct: false,
          storageParameters: [],
        },
      ],
    },
  )
  const view = {
    schema: 'public',
    name: 'item_names',
    materialized: false,
    definition: `SELECT name,\n    ${tricky}::text AS tricky\n   FROM public.items\n  WHERE (name <> ${tricky}::text)`,
    withNoData: false,
    storageParameters: [],
    dependsOn: ['public.items'],
    indexes: [],
    comment: null,
    columnDefaults: [],
    columnComments: [],
  }
  const model = schemaModel({ tables: [table], views: [view] })
  const { source } = codegen(model)

  it('escapes backslashes, backticks and ${ in every template', () => {
    const escaped = `'${TEMPLATE_CHARACTERS_ESCAPED}\\\\d'`
    expect(source).toContain(`check(sql\`((id > 0) AND (name <> ${escaped}::text))\`)`)
    expect(source).toContain(`name: text().check(sql\`(name <> ${escaped}::text)\`),`)
    expect(source).toContain("nameLength: integer('name_length').generatedAlwaysAs(sql`length(name)`),")
    expect(source).toContain(
      `index().on(sql\`lower((name || ${escaped}::text))\`).where(sql\`(name <> ${escaped}::text)\`)`,
    )
  })

  it('keeps a view query on its lines, with the tables it reads interpolated', () => {
    expect(source).toContain(
      [
        "export const itemNames = view('item_names').as(sql`SELECT name,",
        `    '${TEMPLATE_CHARACTERS_ESCAPED}\\\\d'::text AS tricky`,
        `   FROM \${items}`,
        `  WHERE (name <> '${TEMPLATE_CHARACTERS_ESCAPED}\\\\d'::text)\`)`,
      ].join('\n'),
    )
  })

  it('gives back every expression character for character', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})
