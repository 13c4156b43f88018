import { expect, it } from 'vitest'
import { sql } from '../../src/sql/sql.js'
import { describeEachStatementDriver } from '../support/databases.js'

describeEachStatementDriver('parameters', (target) => {
  it('round-trips awkward strings untouched', async () => {
    const values = [
      "it's",
      'back\\slash',
      'quote "inside"',
      'unicode héllo 🌊 日本',
      '$1',
      '-- not a comment',
      '',
      ' ',
    ]
    for (const value of values) {
      const { rows } = await target.db.execute(sql`select ${value}::text as v`)
      expect(rows).toEqual([{ v: value }])
    }
  })

  it('sends null as SQL NULL', async () => {
    const { rows } = await target.db.execute(sql`select ${null}::text is null as v`)
    expect(rows).toEqual([{ v: true }])
  })

  it('binds numbers, bigints, booleans and Dates by their text', async () => {
    const date = new Date('2024-03-01T07:04:56.123Z')
    const { rows } = await target.db.execute(
      sql`select ${42}::int4 as a, ${9007199254740993n}::int8 as b, ${true}::bool as c, ${date}::timestamptz as d,
        ${Number.POSITIVE_INFINITY}::float8 as e`,
    )
    expect(rows).toEqual([{ a: 42, b: '9007199254740993', c: true, d: date, e: Number.POSITIVE_INFINITY }])
  })

  it('binds bytes, arrays and JSON objects', async () => {
    const { rows } = await target.db.execute(
      sql`select ${new Uint8Array([0, 92, 255])}::bytea as a, ${[1, null, 3]}::int4[] as b,
        ${['a"b', 'c\\d', 'NULL']}::text[] as c, ${{ x: [1, 'y'] }}::jsonb as d`,
    )
    expect(rows).toEqual([
      {
        a: new Uint8Array([0, 92, 255]),
        b: [1, null, 3],
        c: ['a"b', 'c\\d', 'NULL'],
        d: { x: [1, 'y'] },
      },
    ])
  })

  it('binds a parameter whose type the server infers from the column', async () => {
    await target.exec('create table param_kinds (flag bool, data bytea, at timestamptz)')
    await target.db.execute(
      sql`insert into param_kinds values (${false}, ${new Uint8Array([7])}, ${new Date(0)})`,
    )
    const { rows } = await target.db.execute(sql`select * from param_kinds`)
    expect(rows).toEqual([{ flag: false, data: new Uint8Array([7]), at: new Date(0) }])
  })
})
