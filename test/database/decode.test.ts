import { beforeAll, expect, it } from 'vitest'
import { sql } from '../../src/sql/sql.js'
import { describeEachDriver } from '../support/databases.js'

describeEachDriver('decoding by type OID', (target) => {
  const one = async (query: ReturnType<typeof sql>) => {
    const { rows } = await target.db.execute<{ v: unknown }>(query)
    return rows[0]?.v
  }

  beforeAll(() => target.exec("create type mood as enum ('happy', 'sad')"))

  it('decodes bool', async () => {
    expect(await one(sql`select true as v`)).toBe(true)
    expect(await one(sql`select false as v`)).toBe(false)
  })

  it('decodes int2, int4, oid, float4 and float8 as numbers', async () => {
    const { rows } = await target.db.execute(
      sql`select 1::int2 as a, '-2147483648'::int4 as b, 4294967295::oid as c, 1.5::float4 as d, 0.1::float8 as e`,
    )
    expect(rows).toEqual([{ a: 1, b: -2147483648, c: 4294967295, d: 1.5, e: 0.1 }])
  })

  it('decodes the special float values', async () => {
    const { rows } = await target.db.execute(
      sql`select 'NaN'::float8 as a, 'Infinity'::float8 as b, '-Infinity'::float4 as c`,
    )
    expect(rows).toEqual([{ a: Number.NaN, b: Number.POSITIVE_INFINITY, c: Number.NEGATIVE_INFINITY }])
  })

  it('keeps int8 and numeric as exact strings', async () => {
    const { rows } = await target.db.execute(
      sql`select 9223372036854775807::int8 as a, 12345678901234567890.000000000001::numeric as b, 'NaN'::numeric as c`,
    )
    expect(rows).toEqual([{ a: '9223372036854775807', b: '12345678901234567890.000000000001', c: 'NaN' }])
  })

  it('parses json and jsonb', async () => {
    expect(await one(sql`select '{"a":[1,"x",null]}'::json as v`)).toEqual({ a: [1, 'x', null] })
    expect(await one(sql`select '{"b": true}'::jsonb as v`)).toEqual({ b: true })
    expect(await one(sql`select '"just a string"'::jsonb as v`)).toBe('just a string')
  })

  it('decodes timestamp and timestamptz as Dates, whatever the session time zone', async () => {
    await target.db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'Asia/Kolkata'`)
      const { rows } = await tx.execute(
        sql`select '2024-03-01 12:34:56.789'::timestamp as a, '2024-03-01 12:34:56.789+00'::timestamptz as b`,
      )
      expect(rows).toEqual([
        { a: new Date('2024-03-01T12:34:56.789Z'), b: new Date('2024-03-01T12:34:56.789Z') },
      ])
    })
    expect(await one(sql`select 'infinity'::timestamptz as v`)).toEqual(new Date(8_640_000_000_000_000))
    expect(await one(sql`select '0044-03-15 00:00:00+00 BC'::timestamptz as v`)).toEqual(
      new Date(Date.UTC(-43, 2, 15)),
    )
  })

  it('keeps date as its text', async () => {
    expect(await one(sql`select '2024-02-29'::date as v`)).toBe('2024-02-29')
  })

  it('decodes bytea as Uint8Array', async () => {
    expect(await one(sql`select '\\x00ff10'::bytea as v`)).toEqual(new Uint8Array([0, 255, 16]))
  })

  it('keeps other types as the server text', async () => {
    const { rows } = await target.db.execute(
      sql`select 'a'::varchar as a, '00000000-0000-0000-0000-000000000001'::uuid as b, '1 day'::interval as c,
        '12:00'::time as d, '10.0.0.1'::inet as e, 'happy'::mood as f`,
    )
    expect(rows).toEqual([
      {
        a: 'a',
        b: '00000000-0000-0000-0000-000000000001',
        c: '1 day',
        d: '12:00:00',
        e: '10.0.0.1',
        f: 'happy',
      },
    ])
  })

  it('returns NULL as null for every type', async () => {
    const { rows } = await target.db.execute(
      sql`select null::bool as a, null::int4 as b, null::int8 as c, null::jsonb as d, null::timestamptz as e,
        null::bytea as f, null::int4[] as g, null::text as h`,
    )
    expect(rows).toEqual([{ a: null, b: null, c: null, d: null, e: null, f: null, g: null, h: null }])
  })

  it('decodes arrays element by element', async () => {
    const { rows } = await target.db.execute(sql`select
      array[true, null, false] as bool,
      array[1, 2]::int2[] as int2,
      array[[1, 2], [3, null]]::int4[] as int4,
      array[9223372036854775807]::int8[] as int8,
      array[1.5, 'NaN']::float4[] as float4,
      array[0.25]::float8[] as float8,
      array[1.10]::numeric[] as numeric,
      array['{"a":1}', null]::json[] as json,
      array['[1,"b"]']::jsonb[] as jsonb,
      array['2024-01-01 00:00:00']::timestamp[] as ts,
      array['2024-01-01 00:00:00+00', 'infinity']::timestamptz[] as tstz,
      array['2024-01-01']::date[] as date,
      array['\\x01ff'::bytea, null] as bytea,
      '{}'::int4[] as empty`)
    expect(rows).toEqual([
      {
        bool: [true, null, false],
        int2: [1, 2],
        int4: [
          [1, 2],
          [3, null],
        ],
        int8: ['9223372036854775807'],
        float4: [1.5, Number.NaN],
        float8: [0.25],
        numeric: ['1.10'],
        json: [{ a: 1 }, null],
        jsonb: [[1, 'b']],
        ts: [new Date('2024-01-01T00:00:00Z')],
        tstz: [new Date('2024-01-01T00:00:00Z'), new Date(8_640_000_000_000_000)],
        date: ['2024-01-01'],
        bytea: [new Uint8Array([1, 255]), null],
        empty: [],
      },
    ])
  })

  it('decodes arrays of text-like types as arrays of strings', async () => {
    const { rows } =
      await target.db.execute(sql`select array['a', 'b c', null]::text[] as a, array['x']::varchar[] as b,
      array['pg_class']::name[] as c, array['00000000-0000-0000-0000-000000000001']::uuid[] as d, array['y']::char(2)[] as e`)
    expect(rows).toEqual([
      {
        a: ['a', 'b c', null],
        b: ['x'],
        c: ['pg_class'],
        d: ['00000000-0000-0000-0000-000000000001'],
        e: ['y '],
      },
    ])
  })

  it('keeps arrays of other types as text', async () => {
    expect(await one(sql`select array['happy', 'sad']::mood[] as v`)).toBe('{happy,sad}')
    expect(await one(sql`select array['1 day']::interval[] as v`)).toBe('{"1 day"}')
  })

  it('reports fields and row counts', async () => {
    const result = await target.db.execute(
      sql`select 1::int4 as a, 'x'::text as b from generate_series(1, 3)`,
    )
    expect(result.fields).toEqual([
      { name: 'a', typeOid: 23 },
      { name: 'b', typeOid: 25 },
    ])
    expect(result.rowCount).toBe(3)
    expect(result.rows).toHaveLength(3)
  })

  it('lets later fields win when names repeat', async () => {
    expect((await target.db.execute(sql`select 1 as x, 2 as x`)).rows).toEqual([{ x: 2 }])
  })

  it('uses the decoders a compiled query carries', async () => {
    const { rows } = await target.db.execute({
      sql: 'select 42::int8 as n, 7::int8 as m',
      params: [],
      decoders: { n: BigInt },
    })
    expect(rows).toEqual([{ n: 42n, m: '7' }])
  })
})
