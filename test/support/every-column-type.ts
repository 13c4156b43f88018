/**
 * Every column type with values that must survive a write and a read exactly, shared by the
 * driver suites: each driver must give back what it was given, decoded to the column's JS type.
 */
import { compile, type Database, sql } from 'tidemark'
import {
  type AnyColumn,
  bigint,
  bigserial,
  boolean,
  bytea,
  char,
  cidr,
  date,
  doublePrecision,
  enumType,
  inet,
  integer,
  interval,
  json,
  jsonb,
  macaddr,
  numeric,
  real,
  renderCreate,
  smallint,
  table,
  text,
  time,
  timestamp,
  timestamptz,
  timetz,
  toModel,
  uuid,
  varchar,
} from 'tidemark/pg'
import { expect, it } from 'vitest'
import { point } from '../fixtures/kitchen-sink.js'
import { applyStatements } from './catalog.js'

export const mood = enumType('mood', ['happy', 'sad', "it's complicated", 'naïve ☃'])

const unicode = 'héllo wörld ☃ 𝄞 "quoted" \'single\' back\\slash {braces} ,comma NULL'

/** Each column with values that must come back exactly (NULL is tried for every column too). */
export const cases: Record<string, { column: AnyColumn; values: unknown[] }> = {
  small: { column: smallint(), values: [0, -32768, 32767] },
  int: { column: integer(), values: [0, -2147483648, 2147483647] },
  bigNumber: { column: bigint(), values: [0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER] },
  bigBig: { column: bigint({ mode: 'bigint' }), values: [0n, 9223372036854775807n, -9223372036854775808n] },
  serialBig: { column: bigserial({ mode: 'bigint' }), values: [1n, 9223372036854775807n] },
  num: { column: numeric(), values: ['0', '-1.5', '123456789012345678901234567890.123456789', 'NaN'] },
  numScaled: { column: numeric({ precision: 10, scale: 2 }), values: ['0.00', '-99999999.99', '12.30'] },
  numNumber: { column: numeric({ mode: 'number' }), values: [1.25, -0.5] },
  float4: {
    column: real(),
    values: [1.5, -3.25e10, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN],
  },
  float8: {
    column: doublePrecision(),
    values: [Number.MAX_VALUE, Number.MIN_VALUE, -0, 0.1 + 0.2, Number.NaN],
  },
  flag: { column: boolean(), values: [true, false] },
  txt: { column: text(), values: ['', unicode, 'x'.repeat(100_000)] },
  vc: { column: varchar({ length: 20 }), values: ['ab', 'ü☃𝄞'] },
  ch: { column: char({ length: 3 }), values: ['abc', 'a  '] },
  id: {
    column: uuid(),
    values: ['00000000-0000-0000-0000-000000000000', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
  },
  tsz: {
    column: timestamptz({ precision: 3 }),
    values: [
      new Date('2024-02-29T23:59:59.999Z'),
      new Date('1970-01-01T00:00:00.000Z'),
      new Date('0001-01-01T00:00:00.000Z'),
      new Date(-62198755200000),
    ],
  },
  ts: {
    column: timestamp(),
    values: [new Date('2024-06-01T12:34:56.789Z'), new Date('9999-12-31T23:59:59.999Z')],
  },
  tsInfinity: { column: timestamptz(), values: [new Date(8640000000000000), new Date(-8640000000000000)] },
  tsString: {
    column: timestamptz({ mode: 'string' }),
    values: ['2024-01-01 00:00:00+00', '2024-07-04 09:30:00.5+00'],
  },
  tsLocalString: {
    column: timestamp({ mode: 'string', precision: 6 }),
    values: ['2024-01-01 00:00:00.123456'],
  },
  day: { column: date(), values: ['2024-02-29', '0001-01-01', '4713-01-01 BC'] },
  dayAsDate: {
    column: date({ mode: 'date' }),
    values: [new Date('2024-02-29T00:00:00.000Z'), new Date('1900-01-01T00:00:00.000Z')],
  },
  clock: { column: time(), values: ['00:00:00', '23:59:59.999999'] },
  clockTz: { column: timetz(), values: ['12:00:00+05:30', '00:00:00-12'] },
  span: { column: interval(), values: ['1 day 02:03:04', '-1 years -2 mons', '00:00:00.000001'] },
  js: { column: json(), values: [{ a: [1, 'two', null] }, [], 'a string', 0, true, { ünï: '☃' }] },
  jsb: {
    column: jsonb<{ nested: { deep: number[] } }>(),
    values: [{ nested: { deep: [1, 2, 3] } }, [], 'text', 1.5, false],
  },
  bin: { column: bytea(), values: [new Uint8Array([]), new Uint8Array([0, 1, 127, 128, 255])] },
  ip: { column: inet(), values: ['192.168.0.1', '10.0.0.0/8', '::1', '2001:db8::1/64'] },
  net: { column: cidr(), values: ['10.0.0.0/8', '2001:db8::/32'] },
  mac: { column: macaddr(), values: ['08:00:2b:01:02:03'] },
  feeling: { column: mood(), values: ['happy', "it's complicated", 'naïve ☃'] },
  texts: { column: text().array(), values: [[], ['a', '', 'NULL', unicode], ['x', null]] },
  ints: { column: integer().array(), values: [[], [1, -2, 2147483647], [null, 3]] },
  grid: {
    column: integer().array().array(),
    values: [
      [
        [1, 2],
        [3, 4],
      ],
      [],
    ],
  },
  bigs: { column: bigint({ mode: 'bigint' }).array(), values: [[9223372036854775807n, -1n]] },
  nums: { column: numeric().array(), values: [['1.10', 'NaN', '-0.5']] },
  flags: { column: boolean().array(), values: [[true, false, null]] },
  stamps: { column: timestamptz().array(), values: [[new Date('2024-01-01T00:00:00.000Z'), null]] },
  days: { column: date().array(), values: [['2024-01-01', '0044-03-15 BC']] },
  docs: { column: jsonb().array(), values: [[{ a: 1 }, [1, 2], 'quote"s', null]] },
  blobs: { column: bytea().array(), values: [[new Uint8Array([1, 2]), new Uint8Array([])]] },
  moods: { column: mood().array(), values: [['sad', 'naïve ☃', "it's complicated"], []] },
  uuids: { column: uuid().array(), values: [['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']] },
  point: { column: point(), values: [{ x: 1.5, y: -2 }] },
}

const columns = Object.fromEntries(Object.entries(cases).map(([key, c]) => [key, c.column]))
export const everyType = table('every_type', { rowId: integer('row_id').primaryKey(), ...columns })
export const columnOf = (key: string): AnyColumn => (everyType as unknown as Record<string, AnyColumn>)[key]!

/** Writes one value into one column with the column's encoder and reads it back with its decoder. */
async function roundTrip(db: Database, key: string, value: unknown, rowId: number): Promise<unknown> {
  const column = columnOf(key)
  const type = column.config.type
  const param = sql.param(value, type.encode)
  await db.execute(
    sql`insert into ${everyType} (row_id, ${sql.identifier(column.name)}) values (${rowId}, ${param})`,
  )
  const query = compile(
    sql`select ${sql.identifier(column.name)} as value from ${everyType} where row_id = ${rowId}`,
  )
  const { rows } = await db.execute<{ value: unknown }>({ ...query, decoders: { value: type.decode } })
  return rows[0]!.value
}

/** The statements that create the every_type table and its enum. */
export function everyTypeStatements(): string[] {
  return renderCreate(toModel({ everyType, mood }))
}

/** Creates the every_type table (and its enum) in the database under test. */
export function createEveryTypeTable(db: Database): Promise<void> {
  return applyStatements(db, everyTypeStatements())
}

/**
 * Declares one test per column type that round-trips each of its values (and NULL when nullable)
 * through `db()`, the database under test. Call createEveryTypeTable on it first.
 */
export function declareColumnRoundTrips(db: () => Database): void {
  let rowId = 0
  for (const [key, { column, values }] of Object.entries(cases)) {
    it(`${key} (${column.config.type.sql})`, async () => {
      const nullable = !column.config.notNull
      for (const value of nullable ? [...values, null] : values) {
        const back = await roundTrip(db(), key, value, ++rowId)
        expect(back, `${key} <- ${String(value)}`).toEqual(value)
        if (value instanceof Date) expect(back).toBeInstanceOf(Date)
        if (typeof value === 'bigint') expect(typeof back).toBe('bigint')
        if (value instanceof Uint8Array) expect(back).toBeInstanceOf(Uint8Array)
      }
    })
  }
}
