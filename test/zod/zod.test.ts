import { eq } from 'tidemark'
import { renderCreate, toModel } from 'tidemark/pg'
import { createInsertSchema, createSelectSchema, createUpdateSchema } from 'tidemark/zod'
import { beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { applyStatements } from '../support/catalog.js'
import { describeEachDatabase } from '../support/databases.js'
import { everyType, mood } from './every-type.js'

const select = createSelectSchema(everyType)
const insert = createInsertSchema(everyType)
const required = { code: 'abc', count: 1, price: '1.00' }

/** Whether the insert schema accepts `value` for the column `key` beside valid required values. */
function accepts(key: string, value: unknown): boolean {
  return insert.safeParse({ ...required, [key]: value }).success
}

describe('column constraints', () => {
  it('varchar(n) and char(n): n characters, not n + 1', () => {
    expect(accepts('code', 'abc')).toBe(true)
    expect(accepts('code', 'abcd')).toBe(false)
    expect(accepts('initial', 'ab')).toBe(true)
    expect(accepts('initial', 'abc')).toBe(false)
    expect(accepts('note', 'x'.repeat(10_000))).toBe(true)
    expect(accepts('code', 3)).toBe(false)
  })

  it('integers: the range of their type, whole numbers only', () => {
    expect(accepts('tiny', 32767)).toBe(true)
    expect(accepts('tiny', 32768)).toBe(false)
    expect(accepts('tiny', -32768)).toBe(true)
    expect(accepts('tiny', -32769)).toBe(false)
    expect(accepts('count', 2147483647)).toBe(true)
    expect(accepts('count', 2147483648)).toBe(false)
    expect(accepts('count', -2147483648)).toBe(true)
    expect(accepts('count', -2147483649)).toBe(false)
    expect(accepts('count', 1.5)).toBe(false)
    expect(accepts('count', '1')).toBe(false)
    expect(accepts('bigNumber', Number.MAX_SAFE_INTEGER)).toBe(true)
    expect(accepts('bigNumber', 2 ** 53)).toBe(false)
    expect(accepts('big', 2n ** 63n - 1n)).toBe(true)
    expect(accepts('big', 2n ** 63n)).toBe(false)
    expect(accepts('big', -(2n ** 63n))).toBe(true)
    expect(accepts('big', -(2n ** 63n) - 1n)).toBe(false)
    expect(accepts('big', 1)).toBe(false)
  })

  it('numeric(p, s) as a string: p - s digits before the point, s after', () => {
    for (const ok of ['999.99', '-999.99', '+1', '0.5', '.5', '1.230', '000123.4', '1e2', '9.9999e2', 'NaN'])
      expect(accepts('price', ok), ok).toBe(true)
    for (const bad of ['1000', '1000.00', '1.234', '1e3', '0.001', 'Infinity', '', '.', '1,5', 'abc', '1 '])
      expect(accepts('price', bad), bad).toBe(false)
    expect(accepts('price', 1.5)).toBe(false)
  })

  it('numeric with a negative scale, and without a precision', () => {
    expect(accepts('hundreds', '99900')).toBe(true)
    expect(accepts('hundreds', '100000')).toBe(false)
    expect(accepts('hundreds', '150')).toBe(false)
    expect(accepts('anyDecimal', '123456789012345678901234567890.123456789')).toBe(true)
    expect(accepts('anyDecimal', 'Infinity')).toBe(true)
    expect(accepts('anyDecimal', '-Infinity')).toBe(true)
    expect(accepts('anyDecimal', 'many')).toBe(false)
  })

  it('numeric in number and bigint modes: bounded by the precision', () => {
    expect(accepts('ratio', 99.99)).toBe(true)
    expect(accepts('ratio', 100)).toBe(false)
    expect(accepts('ratio', -100)).toBe(false)
    expect(accepts('whole', 999n)).toBe(true)
    expect(accepts('whole', -999n)).toBe(true)
    expect(accepts('whole', 1000n)).toBe(false)
    expect(accepts('weight', 1.5)).toBe(true)
    expect(accepts('score', Number.NaN)).toBe(false)
  })

  it('uuid: any 128-bit value in hex form', () => {
    expect(accepts('id', '00000000-0000-0000-0000-000000000000')).toBe(true)
    expect(accepts('id', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')).toBe(true)
    expect(accepts('id', '00000000-0000-0000-0000-00000000000')).toBe(false)
    expect(accepts('id', 'not-a-uuid')).toBe(false)
  })

  it('timestamps and dates: a valid Date in date mode, a string in string mode', () => {
    expect(accepts('createdAt', new Date())).toBe(true)
    expect(accepts('createdAt', new Date('not a date'))).toBe(false)
    expect(accepts('createdAt', '2024-05-01T00:00:00Z')).toBe(false)
    expect(accepts('seenAt', '2024-05-01 10:00:00')).toBe(true)
    expect(accepts('seenAt', new Date())).toBe(false)
    expect(accepts('birthday', '2024-05-01')).toBe(true)
    expect(accepts('birthday', new Date())).toBe(false)
    expect(accepts('anniversary', new Date())).toBe(true)
    expect(accepts('alarm', '13:45:00')).toBe(true)
    expect(accepts('pause', '1 day')).toBe(true)
    expect(accepts('address', '10.0.0.1')).toBe(true)
  })

  it('enums: their labels only', () => {
    expect(accepts('mood', 'happy')).toBe(true)
    expect(accepts('mood', 'angry')).toBe(false)
    expect(mood.values).toEqual(['happy', 'sad'])
  })

  it('arrays: their dimensions, element constraints and a rectangular shape', () => {
    expect(accepts('moods', ['happy', 'sad'])).toBe(true)
    expect(accepts('moods', ['angry'])).toBe(false)
    expect(accepts('moods', 'happy')).toBe(false)
    expect(accepts('tags', ['abc', ''])).toBe(true)
    expect(accepts('tags', ['abcd'])).toBe(false)
    expect(
      accepts('grid', [
        [1, 2],
        [3, 4],
      ]),
    ).toBe(true)
    expect(accepts('grid', [])).toBe(true)
    expect(accepts('grid', [1, 2])).toBe(false)
    expect(accepts('grid', [[1, 2], [3]])).toBe(false)
    expect(accepts('grid', [[[1]]])).toBe(false)
    expect(accepts('grid', [[2147483648]])).toBe(false)
  })

  it('json: any JSON value, or the declared shape given as a refinement', () => {
    expect(accepts('settings', { theme: 'anything' })).toBe(true)
    expect(accepts('raw', [1, 'two', { three: null }])).toBe(true)
    expect(accepts('raw', () => 1)).toBe(false)
    const shaped = createInsertSchema(everyType, { settings: z.object({ theme: z.enum(['light', 'dark']) }) })
    expect(shaped.safeParse({ ...required, settings: { theme: 'dark' } }).success).toBe(true)
    expect(shaped.safeParse({ ...required, settings: { theme: 'blue' } }).success).toBe(false)
  })

  it('bytea: a Uint8Array', () => {
    expect(accepts('avatar', new Uint8Array([1, 2]))).toBe(true)
    expect(accepts('avatar', 'AQI=')).toBe(false)
  })
})

describe('keys and nullability', () => {
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
  beforeAll(() => applyStatements(target.db, renderCreate(toModel({ mood, everyType }))))

  it('parses with the insert schema, inserts, reads back and parses with the select schema', async () => {
    const input = {
      code: 'abc',
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

  it('a value the insert schema refuses is one the database refuses too', async () => {
    const tooLong = { ...required, code: 'abcd' }
    expect(insert.safeParse(tooLong).success).toBe(false)
    await expect(target.db.insert(everyType).values(tooLong)).rejects.toThrow()
    const overflow = { ...required, price: '1000' }
    expect(insert.safeParse(overflow).success).toBe(false)
    await expect(target.db.insert(everyType).values(overflow)).rejects.toThrow()
  })
})
