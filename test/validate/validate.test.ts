import { eq } from 'tidemark'
import { renderCreate, sql, table, text, toModel, varchar, view } from 'tidemark/pg'
import {
  createInsertSchema,
  createSelectSchema,
  createUpdateSchema,
  type StandardSchemaV1,
  ValidationError,
} from 'tidemark/validate'
import { createInsertSchema as createZodInsertSchema } from 'tidemark/zod'
import { beforeAll, describe, expect, it } from 'vitest'
import { applyStatements } from '../support/catalog.js'
import { describeEachDatabase } from '../support/databases.js'
import { boundaryCases } from '../validation/boundary-cases.js'
import { address, everyType, mood, shortText } from '../validation/every-type.js'

const select = createSelectSchema(everyType)
const insert = createInsertSchema(everyType)
const required = { code: 'abc', count: 1, price: '1.00' }

/** Runs a schema the way a library that takes any Standard Schema does. */
function standardValidate<T>(schema: StandardSchemaV1<T>, value: unknown): StandardSchemaV1.Result<T> {
  const result = schema['~standard'].validate(value)
  if (result instanceof Promise) throw new Error('expected a synchronous result')
  return result
}

function accepts(key: string, value: unknown): boolean {
  return standardValidate(insert, { ...required, [key]: value }).issues === undefined
}

describe('column constraints', () => {
  for (const [title, cases] of Object.entries(boundaryCases)) {
    it(title, () => {
      for (const [key, value, accepted] of cases)
        expect(accepts(key, value), `${key}: ${String(value)}`).toBe(accepted)
    })
  }
})

describe('Standard Schema results', () => {
  it('is version 1 from vendor tidemark', () => {
    expect(insert['~standard'].version).toBe(1)
    expect(insert['~standard'].vendor).toBe('tidemark')
  })

  it('reports every issue with its path, array indexes included', () => {
    const result = standardValidate(insert, { code: 'abcd', price: '1.234', grid: [[1], ['x']] })
    expect(result.issues).toEqual([
      { message: 'Text must have at most 3 characters', path: ['code'] },
      { message: 'Required', path: ['count'] },
      { message: 'Decimal must have at most 2 digits after the decimal point', path: ['price'] },
      { message: 'Expected a whole number', path: ['grid', 1, 0] },
    ])
    expect(standardValidate(insert, 'a string').issues).toEqual([{ message: 'Expected an object' }])
  })

  it('parse returns the value with only the known keys, or throws the issues', () => {
    expect(insert.parse({ ...required, codeLength: 3, unknownKey: 1 })).toEqual(required)
    expect(() => insert.parse({ ...required, count: 1.5, tiny: 40000 })).toThrow(ValidationError)
    expect(() => insert.parse({ ...required, count: 1.5 })).toThrow('count: Expected a whole number')
  })
})

describe('keys and nullability', () => {
  it('select schemas of views with declared columns; writes need a table', () => {
    const codes = view('validate_codes', { code: varchar({ length: 3 }).notNull() }).as(
      sql`select code from zod_every_type`,
    )
    const schema = createSelectSchema(codes)
    expect(schema.parse({ code: 'abc' })).toEqual({ code: 'abc' })
    expect(() => schema.parse({ code: 'abcd' })).toThrow()
    expect(() => createInsertSchema(codes as never)).toThrow('An insert schema is made from a table')
  })

  it('insert: NOT NULL columns without a default are required, NULL only where allowed', () => {
    expect(accepts('note', null)).toBe(true)
    expect(accepts('count', null)).toBe(false)
    expect(accepts('active', null)).toBe(false)
    expect(accepts('seq', undefined)).toBe(true)
  })

  it('select: every column, null where the column may be NULL', () => {
    const row = select['~standard'].validate({})
    expect('issues' in row && row.issues?.map((issue) => issue.path?.[0])).toContain('codeLength')
  })

  it('update: every written column is optional', () => {
    const update = createUpdateSchema(everyType)
    expect(update.parse({})).toEqual({})
    expect(update.parse({ code: 'xyz', note: null, codeLength: 1 })).toEqual({ code: 'xyz', note: null })
    expect(() => update.parse({ code: 'wxyz' })).toThrow(ValidationError)
    expect(() => update.parse({ count: null })).toThrow('count: Expected a value, not null')
  })

  it('checks run on values that passed their type, never on null', () => {
    const checked = createInsertSchema(everyType, {
      code: (code) => /^[A-Z]+$/.test(code) || 'Use capitals',
      note: (note) => note.includes('@'),
    })
    expect(checked.parse({ ...required, code: 'ABC', note: null })).toEqual({
      ...required,
      code: 'ABC',
      note: null,
    })
    expect(() => checked.parse(required)).toThrow('code: Use capitals')
    expect(() => checked.parse({ ...required, code: 'ABC', note: 'nope' })).toThrow('note: Invalid value')
    expect(() => checked.parse({ ...required, code: 'ABCD' })).toThrow(
      'code: Text must have at most 3 characters',
    )
  })

  it('checking a column the schema lacks is an error', () => {
    expect(() => createInsertSchema(everyType, { nope: () => true } as never)).toThrow(
      'Cannot check "nope": the insert schema has no such column',
    )
  })
})

describeEachDatabase('Standard Schemas round trip', (target) => {
  beforeAll(() => applyStatements(target.db, renderCreate(toModel({ mood, address, shortText, everyType }))))

  it('parses with the insert schema, inserts, reads back and parses with the select schema', async () => {
    const input = {
      code: '😀😀😀',
      price: '999.99',
      count: -2147483648,
      big: -(2n ** 63n),
      ratio: -99.99,
      whole: 999n,
      moods: ['sad'] as const,
      grid: [[1], [2]],
      raw: { nested: [true, null] },
      createdAt: new Date('2024-05-01T10:00:00.123Z'),
      place: { street: null, zip: '12345' },
    }
    const values = insert.parse(input)
    const inserted = await target.db.insert(everyType).values(values).returning({ id: everyType.id })
    const id = inserted[0]!.id
    const [row] = await target.db.select().from(everyType).where(eq(everyType.id, id))
    const read = select.parse(row)
    expect(read).toMatchObject({ ...input, id, moods: ['sad'], active: true, codeLength: 3, note: null })
  })
})

describe('odd column names', () => {
  it('a column named __proto__ is a key like any other', () => {
    const odd = table('odd', { ['__proto__']: text().notNull() })
    const value = JSON.parse('{"__proto__": "x"}')
    expect(Object.keys(createInsertSchema(odd).parse(value))).toEqual(['__proto__'])
    expect(() => createInsertSchema(odd, { ['__proto__']: (text) => text === 'y' }).parse(value)).toThrow(
      '__proto__: Invalid value',
    )
    // zod leaves the key out of what it parses; the schema still has it.
    expect(Object.keys(createZodInsertSchema(odd).shape)).toEqual(['__proto__'])
  })
})
