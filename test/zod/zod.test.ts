import { eq } from 'tidemark'
import { renderCreate, sql, toModel, varchar, view } from 'tidemark/pg'
import { createInsertSchema, createSelectSchema, createUpdateSchema } from 'tidemark/zod'
import { beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { applyStatements } from '../support/catalog.js'
import { describeEachDatabase } from '../support/databases.js'
import { boundaryCases } from '../validation/boundary-cases.js'
import { address, everyType, mood, shortText } from '../validation/every-type.js'

const select = createSelectSchema(everyType)
const insert = createInsertSchema(everyType)
const required = { code: 'abc', count: 1, price: '1.00' }

/** Whether the insert schema accepts `value` for the column `key` beside valid required values. */
function accepts(key: string, value: unknown): boolean {
  return insert.safeParse({ ...required, [key]: value }).success
}

describe('column constraints', () => {
  for (const [title, cases] of Object.entries(boundaryCases)) {
    it(title, () => {
      for (const [key, value, accepted] of cases)
        expect(accepts(key, value), `${key}: ${String(value)}`).toBe(accepted)
    })
  }

  it('json: the declared shape given as a refinement', () => {
    const shaped = createInsertSchema(everyType, { settings: z.object({ theme: z.enum(['light', 'dark']) }) })
    expect(shaped.safeParse({ ...required, settings: { theme: 'dark' } }).success).toBe(true)
    expect(shaped.safeParse({ ...required, settings: { theme: 'blue' } }).success).toBe(false)
  })
})

describe('keys and nullability', () => {
  it('select schemas of views with declared columns; writes need a table', () => {
    const codes = view('zod_codes', { code: varchar({ length: 3 }).notNull() }).as(
      sql`select code from zod_every_type`,
    )
    const schema = createSelectSchema(codes)
    expect(schema.parse({ code: 'abc' })).toEqual({ code: 'abc' })
    expect(() => schema.parse({ code: 'abcd' })).toThrow()
    expect(() => createInsertSchema(codes as never)).toThrow('An insert schema is made from a table')
  })

  it('insert: NOT NULL columns without a default are required, generated ones dropped', () => {
    expect(insert.safeParse({}).success).toBe(false)
    const parsed = insert.parse({ ...required, codeLength: 3, unknownKey: 1 })
    expect(parsed).toEqual(required)
    expect(insert.safeParse({ ...required, note: null }).success).toBe(true)
    expect(insert.safeParse({ ...required, count: null }).success).toBe(false)
    expect(insert.safeParse({ ...required, active: null }).success).toBe(false)
    expect(insert.safeParse({ ...required, seq: undefined }).success).toBe(true)
  })

  it('select: every column, null where the column may be NULL', () => {
    expect(Object.keys(select.shape)).toContain('codeLength')
    expect(select.shape.note.safeParse(null).success).toBe(true)
    expect(select.shape.count.safeParse(null).success).toBe(false)
    expect(select.shape.count.safeParse(undefined).success).toBe(false)
  })

  it('update: every written column is optional', () => {
    const update = createUpdateSchema(everyType)
    expect(update.parse({})).toEqual({})
    expect(update.parse({ code: 'xyz', note: null })).toEqual({ code: 'xyz', note: null })
    expect(update.safeParse({ code: 'wxyz' }).success).toBe(false)
    expect(update.safeParse({ count: null }).success).toBe(false)
    expect(Object.keys(update.shape)).not.toContain('codeLength')
  })

  it('refinements apply before nullability and optionality', () => {
    const refined = createInsertSchema(everyType, {
      code: (s) => s.regex(/^[A-Z]+$/),
      note: (s) => s.email(),
    })
    expect(refined.safeParse({ ...required, code: 'ABC' }).success).toBe(true)
    expect(refined.safeParse(required).success).toBe(false)
    expect(refined.safeParse({ ...required, code: 'ABC', note: 'ada@example.com' }).success).toBe(true)
    expect(refined.safeParse({ ...required, code: 'ABC', note: null }).success).toBe(true)
    expect(refined.safeParse({ ...required, code: 'ABC', note: 'nope' }).success).toBe(false)
  })

  it('refining a column the schema lacks is an error', () => {
    expect(() => createInsertSchema(everyType, { nope: z.string() } as never)).toThrow(
      'Cannot refine "nope": the insert schema has no such column',
    )
    expect(() => createUpdateSchema(everyType, { codeLength: z.number() } as never)).toThrow(TypeError)
  })
})

describeEachDatabase('zod schemas round trip', (target) => {
  beforeAll(() => applyStatements(target.db, renderCreate(toModel({ mood, address, shortText, everyType }))))

  it('parses with the insert schema, inserts, reads back and parses with the select schema', async () => {
    const input = {
      code: '😀😀😀',
      initial: 'xy',
      note: null,
      tiny: -32768,
      count: 2147483647,
      big: 2n ** 63n - 1n,
      bigNumber: Number.MAX_SAFE_INTEGER,
      price: '-999.99',
      hundreds: '99900',
      anyDecimal: '123456789012345678901234567890.123456789',
      ratio: 99.99,
      whole: -999n,
      weight: 1.5,
      score: 0.1,
      createdAt: new Date('2024-05-01T10:00:00.123Z'),
      seenAt: '2024-05-01 10:00:00',
      birthday: '2024-05-01',
      anniversary: new Date('2024-05-01T00:00:00Z'),
      alarm: '13:45:00',
      pause: '1 day 02:00:00',
      address: '10.0.0.1',
      mood: 'sad',
      moods: ['happy', 'sad'],
      tags: ['abc', ''],
      grid: [
        [1, 2],
        [3, 4],
      ],
      settings: { theme: 'dark' },
      raw: [1, 'two', { three: null }],
      avatar: new Uint8Array([0, 255]),
      place: { street: 'Main "Street", 1', zip: null },
      nickname: 'abcd',
    }
    const values = insert.parse(input)
    const inserted = await target.db.insert(everyType).values(values).returning({ id: everyType.id })
    const id = inserted[0]!.id
    const [row] = await target.db.select().from(everyType).where(eq(everyType.id, id))
    const read = select.parse(row)
    expect(read).toEqual({
      ...input,
      id,
      hundreds: '99900',
      active: true,
      seq: 1,
      huge: 1n,
      ident: 1,
      codeLength: 3,
    })
  })

  it('at the edges of each type, the insert schema and the database agree', async () => {
    const earliest = Date.UTC(-4713, 10, 24)
    const edges: [key: string, value: unknown][] = [
      ['code', '😀😀😀'],
      ['code', '😀😀😀😀'],
      ['note', 'a\u0000b'],
      ['tiny', 32767],
      ['tiny', -32769],
      ['count', 2147483648],
      ['big', 2n ** 63n],
      ['price', '999.99'],
      ['price', '1000'],
      ['hundreds', '100000'],
      ['ratio', 100],
      ['whole', 1000n],
      ['weight', 1e-45],
      ['weight', 1e-46],
      ['weight', 3.5e38],
      ['createdAt', new Date(earliest)],
      ['createdAt', new Date(earliest - 1)],
      ['anniversary', new Date(earliest)],
      ['anniversary', new Date(earliest - 86_400_000)],
      ['mood', 'angry'],
      ['grid', [[1, 2], [3]]],
      ['place', { street: null, zip: '123456' }],
      ['nickname', 'abcde'],
    ]
    for (const [key, value] of edges) {
      const row = { ...required, [key]: value }
      const stored = await target.db
        .insert(everyType)
        .values(row as never)
        .then(
          () => true,
          () => false,
        )
      expect(stored, `${key}: ${String(value)}`).toBe(insert.safeParse(row).success)
    }
  })
})
