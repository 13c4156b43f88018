import { compile, sql } from 'tidemark'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDriver } from '../../support/databases.js'
import {
  columnOf,
  createEveryTypeTable,
  declareColumnRoundTrips,
  everyType,
} from '../../support/every-column-type.js'

describeEachDriver('every column type round-trips and decodes to its declared JS type', (target) => {
  beforeAll(() => createEveryTypeTable(target.db))

  declareColumnRoundTrips(() => target.db)

  it('reads a timestamptz as the same instant whatever the session time zone', async () => {
    const instant = new Date('2024-03-10T07:08:09.123Z')
    const back = await target.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local timezone = 'Asia/Kathmandu'`))
      const column = columnOf('tsz')
      await tx.execute(
        sql`insert into ${everyType} (row_id, tsz) values (${100_000}, ${sql.param(instant, column.config.type.encode)})`,
      )
      const query = compile(sql`select tsz as value from ${everyType} where row_id = 100000`)
      const { rows } = await tx.execute<{ value: Date }>({
        ...query,
        decoders: { value: column.config.type.decode },
      })
      return rows[0]!.value
    })
    expect(back.toISOString()).toBe(instant.toISOString())
  })

  it('refuses a bigint too large for a JS number instead of rounding it', async () => {
    const query = compile(sql`select 9007199254740993::int8 as value`)
    await expect(
      target.db.execute({ ...query, decoders: { value: columnOf('bigNumber').config.type.decode } }),
    ).rejects.toThrow(/9007199254740993.*bigint\(\{ mode: 'bigint' \}\)/)
  })
})
