import { asc, sql } from 'tidemark'
import {
  type AnyColumn,
  bigint,
  boolean,
  bytea,
  type Column,
  char,
  customType,
  date,
  doublePrecision,
  enumType,
  integer,
  interval,
  json,
  jsonb,
  numeric,
  real,
  smallint,
  table,
  text,
  time,
  timestamp,
  timestamptz,
  uuid,
  varchar,
} from 'tidemark/pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../support/databases.js'
import { createTables, relational } from './fixtures.js'

const mood = enumType('r_mood', ['happy', 'sad', "it's complicated"])

const point = customType<{ x: number; y: number }>({
  dataType: 'point',
  fromDriver: (text) => {
    const [x, y] = text.slice(1, -1).split(',').map(Number)
    return { x: x!, y: y! }
  },
  toDriver: (p) => `(${p.x},${p.y})`,
})

const holders = table('r_holders', {
  id: integer().primaryKey(),
  label: text().notNull(),
})

/** A column of every type whose value travels inside the nested JSON. */
const samples = table('r_samples', {
  id: integer().primaryKey(),
  holderId: integer('holder_id')
    .notNull()
    .references(() => holders.id),
  small: smallint(),
  int: integer(),
  big: bigint({ mode: 'bigint' }),
  bigNumber: bigint('big_number'),
  exact: numeric({ precision: 40, scale: 12 }),
  loose: numeric(),
  single: real(),
  double: doublePrecision(),
  flag: boolean(),
  words: text(),
  short: varchar({ length: 10 }),
  fixed: char({ length: 3 }),
  id2: uuid('id2'),
  mood: mood(),
  local: timestamp(),
  stamp: timestamptz(),
  stampText: timestamptz('stamp_text', { mode: 'string' }),
  day: date(),
  dayDate: date('day_date', { mode: 'date' }),
  clock: time(),
  span: interval(),
  doc: json<unknown>(),
  docb: jsonb<unknown>(),
  bytes: bytea(),
  texts: text().array(),
  ints: integer().array(),
  stamps: timestamptz().array(),
  moods: mood().array(),
  where: point(),
})

/** Points to a sample: loads it as a one-relation. */
const sampleRefs = table('r_sample_refs', {
  id: integer().primaryKey(),
  sampleId: integer('sample_id')
    .notNull()
    .references(() => samples.id),
})

const schema = { holders, samples, sampleRefs }

type WideColumns = Record<string, Column<unknown>>
const WIDE = 130
const wideKinds = ['integer', 'text', 'timestamptz', 'bigint', 'numeric', 'boolean', 'jsonb'] as const

function wideColumn(i: number): Column<unknown> {
  const name = `c${i}`
  switch (wideKinds[i % wideKinds.length]!) {
    case 'integer':
      return integer(name) as Column<unknown>
    case 'text':
      return text(name) as Column<unknown>
    case 'timestamptz':
      return timestamptz(name) as Column<unknown>
    case 'bigint':
      return bigint(name, { mode: 'bigint' }) as Column<unknown>
    case 'numeric':
      return numeric(name) as Column<unknown>
    case 'boolean':
      return boolean(name) as Column<unknown>
    default:
      return jsonb(name) as Column<unknown>
  }
}

function wideValue(i: number, row: number): unknown {
  switch (wideKinds[i % wideKinds.length]!) {
    case 'integer':
      return i * 1000 + row
    case 'text':
      return `text ${i} of row ${row}`
    case 'timestamptz':
      return new Date(Date.UTC(2024, 0, 1, 0, 0, i, row))
    case 'bigint':
      return 9007199254740993n + BigInt(i * 10 + row)
    case 'numeric':
      return `${i}.${row}5`
    case 'boolean':
      return (i + row) % 2 === 0
    default:
      return { i, row, list: [i, `${row}`] }
  }
}

const wideExtra: WideColumns = {}
for (let i = 0; i < WIDE; i++) wideExtra[`c${i}`] = wideColumn(i)

/** 132 columns: more than PostgreSQL's 100 arguments per function call. */
const wide = table('r_wide', {
  id: integer().primaryKey(),
  holderId: integer('holder_id')
    .notNull()
    .references(() => holders.id),
  ...wideExtra,
})

/** The generated columns, typed loosely. */
const wideColumns = wide as unknown as Record<string, AnyColumn>
type WideRow = Record<string, unknown> & { id: number; holderId: number }

const wideRefs = table('r_wide_refs', {
  id: integer().primaryKey(),
  wideId: integer('wide_id')
    .notNull()
    .references(() => wide.id),
})

const wideSchema = { holders, wide, wideRefs }

describeEachDatabase('relational queries decode nested values like top-level ones', (target) => {
  const db = () => relational(target, { schema })
  const wideDb = () => relational(target, { schema: wideSchema })

  beforeAll(async () => {
    await createTables(db(), { mood, ...schema, wide, wideRefs })
    await db()
      .insert(holders)
      .values([
        { id: 1, label: 'one' },
        { id: 2, label: 'two' },
        { id: 3, label: 'empty' },
      ])
    await db()
      .insert(samples)
      .values([
        {
          id: 1,
          holderId: 1,
          small: -32768,
          int: -2147483648,
          big: 9223372036854775807n,
          bigNumber: 9007199254740991,
          exact: '1234567890123456789012345678.123456789012',
          loose: '0.000000000000000000000000000001',
          single: 1.1,
          double: 0.1,
          flag: true,
          words: 'héllo "quoted" \\ back\nslash ☃ 𝄞',
          short: 'abc',
          fixed: 'ab',
          id2: '00000000-0000-4000-8000-000000000001',
          mood: "it's complicated",
          local: new Date('2024-02-29T23:59:59.123Z'),
          stamp: new Date('2024-03-01T12:34:56.789Z'),
          stampText: '2024-03-01 12:34:56.789+00',
          day: '2024-02-29',
          dayDate: new Date('2024-02-29T00:00:00Z'),
          clock: '13:14:15.5',
          span: '1 year 2 mons 3 days 04:05:06',
          doc: { a: [1, 'x', null], nested: { deep: true }, n: 1.5e300 },
          docb: 'just a string',
          bytes: new Uint8Array([0, 1, 2, 127, 128, 255]),
          texts: ['a', 'b c', '"q"', 'with,comma', 'NULL', ''],
          ints: [1, -2, 3],
          stamps: [new Date('2024-01-01T00:00:00Z'), new Date('1999-12-31T23:59:59.999Z')],
          moods: ['sad', "it's complicated"],
          where: { x: 1.5, y: -2 },
        },
        {
          id: 2,
          holderId: 1,
          small: 0,
          int: 0,
          big: -9223372036854775808n,
          bigNumber: -9007199254740991,
          exact: '0',
          loose: 'NaN',
          single: Number.NaN,
          double: Number.POSITIVE_INFINITY,
          flag: false,
          words: '',
          short: '',
          fixed: '',
          mood: 'happy',
          local: new Date('1970-01-01T00:00:00Z'),
          stamp: new Date(Date.UTC(-43, 2, 15)),
          day: '0001-01-01',
          doc: 12,
          docb: [1, { b: true, c: null }],
          bytes: new Uint8Array([]),
          texts: [],
          ints: [],
          stamps: [],
          moods: [],
        },
        {
          id: 3,
          holderId: 2,
          single: Number.NEGATIVE_INFINITY,
          double: Number.NaN,
          doc: null,
        },
      ])
    await db().execute(sql`update r_samples set stamp = 'infinity', day = 'infinity' where id = 3`)
    await db()
      .insert(sampleRefs)
      .values([1, 2, 3].map((id) => ({ id: id * 10, sampleId: id })))
    const wideRow = (id: number, holderId: number) => {
      const row: Record<string, unknown> = { id, holderId }
      for (let i = 0; i < WIDE; i++) row[`c${i}`] = i % 11 === 10 ? null : wideValue(i, id)
      return row
    }
    await db()
      .insert(wide)
      .values([wideRow(1, 1), wideRow(2, 1), wideRow(3, 2)] as never)
    await db()
      .insert(wideRefs)
      .values([1, 2, 3].map((id) => ({ id: id * 10, wideId: id })))
  })

  async function topLevel() {
    return db().select().from(samples).orderBy(asc(samples.id))
  }

  it('reads every type at the root as select() does', async () => {
    const expected = await topLevel()
    expect(await db().query.samples.findMany({ orderBy: asc(samples.id) })).toEqual(expected)
    // The data holds what the test is about.
    expect(expected[0]!.big).toBe(9223372036854775807n)
    expect(expected[0]!.stamp).toEqual(new Date('2024-03-01T12:34:56.789Z'))
    expect(expected[0]!.bytes).toEqual(new Uint8Array([0, 1, 2, 127, 128, 255]))
    expect(expected[1]!.single).toBeNaN()
    expect(expected[2]!.stamp).toEqual(new Date(8_640_000_000_000_000))
  })

  it('reads every type inside a many-relation (aggregated and limited) as at the top level', async () => {
    const expected = await topLevel()
    const aggregated = await db().query.holders.findMany({
      orderBy: asc(holders.id),
      with: { samples: { orderBy: asc(samples.id) } },
    })
    expect(aggregated.flatMap((h) => h.samples)).toEqual(expected)
    expect(aggregated.map((h) => h.samples.length)).toEqual([2, 1, 0])
    const limited = await db().query.holders.findMany({
      orderBy: asc(holders.id),
      with: { samples: { orderBy: asc(samples.id), limit: 10 } },
    })
    expect(limited.flatMap((h) => h.samples)).toEqual(expected)
    // Exact types, not only equal-looking values.
    const first = aggregated[0]!.samples[0]!
    expect(typeof first.big).toBe('bigint')
    expect(first.stamp).toBeInstanceOf(Date)
    expect(first.local).toBeInstanceOf(Date)
    expect(first.dayDate).toBeInstanceOf(Date)
    expect(first.bytes).toBeInstanceOf(Uint8Array)
    expect(first.stamps?.[0]).toBeInstanceOf(Date)
  })

  it('reads every type inside a one-relation, and two JSON levels deep', async () => {
    const expected = await topLevel()
    const refs = await db().query.sampleRefs.findMany({ orderBy: asc(sampleRefs.id), with: { sample: true } })
    expect(refs.map((r) => r.sample)).toEqual(expected)
    const deep = await db().query.sampleRefs.findMany({
      orderBy: asc(sampleRefs.id),
      with: { sample: { with: { holder: { with: { samples: { orderBy: asc(samples.id) } } } } } },
    })
    expect(deep.map((r) => r.sample.holder.samples)).toEqual([
      expected.slice(0, 2),
      expected.slice(0, 2),
      expected.slice(2),
    ])
  })

  it('reads the same values whatever the session time zone', async () => {
    await db().transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'Asia/Kolkata'`)
      // String-mode timestamps print in the session's zone; compare with select() in the same session.
      const expected = await tx.select().from(samples).orderBy(asc(samples.id))
      expect(expected[0]!.stampText).toBe('2024-03-01 18:04:56.789+05:30')
      const nested = await tx.query.holders.findMany({
        orderBy: asc(holders.id),
        with: { samples: { orderBy: asc(samples.id) } },
      })
      expect(nested.flatMap((h) => h.samples)).toEqual(expected)
      expect(await tx.query.samples.findMany({ orderBy: asc(samples.id) })).toEqual(expected)
    })
  })

  it('reads columns given as extras with their decoders, at the root and nested', async () => {
    const expected = await topLevel()
    const extras = { bigAgain: samples.big, stampAgain: samples.stamp, bytesAgain: samples.bytes }
    const root = await db().query.samples.findMany({
      columns: { id: true },
      orderBy: asc(samples.id),
      extras,
    })
    const nested = await db().query.holders.findMany({
      columns: {},
      orderBy: asc(holders.id),
      with: { samples: { columns: { id: true }, orderBy: asc(samples.id), extras } },
    })
    const wanted = expected.map((s) => ({
      id: s.id,
      bigAgain: s.big,
      stampAgain: s.stamp,
      bytesAgain: s.bytes,
    }))
    expect(root).toEqual(wanted)
    expect(nested.flatMap((h) => h.samples)).toEqual(wanted)
  })

  it('fails as loudly nested as at the top level on an int8 too large for a number', async () => {
    // The same table, declared with bigint() in its default mode (number).
    const numbers = table('r_samples', {
      id: integer().primaryKey(),
      holderId: integer('holder_id')
        .notNull()
        .references(() => holders.id),
      big: bigint(),
    })
    const loose = relational(target, { schema: { holders, numbers } })
    const tooBig = /int8 value 9223372036854775807 does not fit in a JS number/
    await expect(loose.select({ big: numbers.big }).from(numbers)).rejects.toThrow(tooBig)
    await expect(loose.query.numbers.findMany({ columns: { big: true } })).rejects.toThrow(tooBig)
    await expect(
      loose.query.holders.findMany({ with: { numbers: { columns: { big: true } } } }),
    ).rejects.toThrow(tooBig)
  })

  describe('rows wider than 100 values', () => {
    const all = async () => (await wideDb().select().from(wide).orderBy(asc(wide.id))) as WideRow[]

    it('decode at the top level, in a many-relation (aggregated and limited) and in a one-relation', async () => {
      const expected = await all()
      expect(Object.keys(expected[0]!)).toHaveLength(WIDE + 2)
      expect(expected[0]!.c3).toBe(9007199254740993n + 31n)
      expect(await wideDb().query.wide.findMany({ orderBy: asc(wide.id) })).toEqual(expected)
      const holdersWithWide = await wideDb().query.holders.findMany({
        orderBy: asc(holders.id),
        with: { wide: { orderBy: asc(wide.id) } },
      })
      expect(holdersWithWide.flatMap((h) => h.wide)).toEqual(expected)
      const limited = await wideDb().query.holders.findMany({
        orderBy: asc(holders.id),
        with: { wide: { orderBy: asc(wide.id), limit: 5 } },
      })
      expect(limited.flatMap((h) => h.wide)).toEqual(expected)
      const refs = await wideDb().query.wideRefs.findMany({ orderBy: asc(wideRefs.id), with: { wide: true } })
      expect(refs.map((r) => r.wide)).toEqual(expected)
    })

    it('decode with extras and relations past the 100th value, and at exactly 100', async () => {
      const expected = await all()
      const holder = (id: number) => ({ id, label: id === 1 ? 'one' : 'two' })
      for (const count of [97, 98, 99, WIDE]) {
        // count columns + id + one extra + one relation: the extra and the relation straddle the chunk limit.
        const columns: Record<string, boolean> = { id: true }
        for (let i = 0; i < count; i++) columns[`c${i}`] = true
        const rows = await wideDb().query.wideRefs.findMany({
          orderBy: asc(wideRefs.id),
          with: {
            wide: {
              columns,
              extras: { twice: sql<number>`${wideColumns.c0} * 2` },
              with: { holder: true },
            },
          },
        } as never)
        expect((rows as { wide: unknown }[]).map((r) => r.wide)).toEqual(
          expected.map((w) => {
            const row: Record<string, unknown> = { id: w.id }
            for (let i = 0; i < count; i++) row[`c${i}`] = w[`c${i}`]
            return { ...row, twice: (w.c0 as number) * 2, holder: holder(w.holderId) }
          }),
        )
      }
    })
  })
})
