/**
 * Values and identifiers reach PostgreSQL as written or not at all: a string that cannot be sent
 * unchanged is refused before anything is sent, with a TidemarkError that names the problem.
 */
import { alias, select, sql, TidemarkError } from 'tidemark'
import { table, text } from 'tidemark/pg'
import { beforeAll, describe, expect, it } from 'vitest'
import type { QueryEvent } from '../../src/database/database.js'
import { compile } from '../../src/dialects/pg/index.js'
import { describeEachStatementDriver } from '../support/databases.js'

const loneHigh = '\uD800'
const loneLow = '\uDC00'

describe('sql.identifier', () => {
  it('refuses names PostgreSQL would not keep as written, like the schema does', () => {
    expect(() => sql.identifier('a'.repeat(64))).toThrow(
      new TidemarkError(
        `sql.identifier("${'a'.repeat(64)}"): the name is 64 bytes long; PostgreSQL truncates names to 63 bytes. Use a name PostgreSQL keeps as written.`,
      ),
    )
    // 32 two-byte characters: 64 bytes in 32 UTF-16 units.
    expect(() => sql.identifier('é'.repeat(32))).toThrow(/64 bytes long/)
    expect(() => sql.identifier('users\u0000x')).toThrow(
      /sql\.identifier\("users\\u0000x"\): the name contains a NUL/,
    )
    expect(() => sql.identifier(`t${loneHigh}`)).toThrow(
      /sql\.identifier\("t\\ud800"\): the name contains a lone surrogate/,
    )
    expect(() => sql.identifier('public', '')).toThrow(TidemarkError)
    expect(() => sql.identifier()).toThrow(TidemarkError)
    expect(sql.identifier('a'.repeat(63), '😀'.repeat(15)).chunks).toHaveLength(1)
  })
})

describe('names of objects in queries', () => {
  const long = 'l'.repeat(64)
  const truncated = /^The name "l{64}" cannot reach PostgreSQL as written: the name is 64 bytes long/

  it('are refused when PostgreSQL would truncate them and could reach another object', () => {
    const longTable = table(long, { c: text() })
    const longColumn = table('t', { c: text(long) })
    expect(() => select().from(longTable).toSQL()).toThrow(truncated)
    expect(() => compile(sql`select * from ${longTable}`)).toThrow(truncated)
    expect(() => select({ c: longColumn.c }).from(longColumn).toSQL()).toThrow(truncated)
    expect(() => compile(sql`select ${longColumn.c} from t`)).toThrow(TidemarkError)
  })

  it('leave long aliases alone: a statement truncates the aliases it defines the same way everywhere', () => {
    const t = table('t', { c: text() })
    const a = alias(t, long)
    expect(select({ c: a.c }).from(a).toSQL().sql).toBe(`select "${long}"."c" from "public"."t" as "${long}"`)
  })
})

describeEachStatementDriver('text sent as written', (target) => {
  const events: QueryEvent[] = []
  const refused = (query: ReturnType<typeof sql>) =>
    target
      .withOptions({ logger: (event) => events.push(event) })
      .execute(query)
      .then(
        () => undefined,
        (error: unknown) => error,
      )

  beforeAll(() =>
    target.exec(`
      create table "t\uFFFD" (id int4);
      insert into "t\uFFFD" values (1), (2);
    `),
  )

  it('keeps a leading U+FEFF in values', async () => {
    const values = ['\uFEFF', '\uFEFFabc', '\uFEFF\uFEFFx', 'a\uFEFF']
    const { rows } = await target.db.execute<{ v: string[] }>(
      sql`select array[${sql.join(values)}]::text[] as v, ${values[1]}::text as one, ${values[0]}::text as bare`,
    )
    // At the start of a field too: PGlite's own parser would drop it there, and tidemark/pglite
    // reads PGlite's raw response itself.
    expect(rows).toEqual([{ v: values, one: values[1], bare: values[0] }])
  })

  it('refuses a lone surrogate in a value before sending it', async () => {
    events.length = 0
    for (const value of [`a${loneHigh}b`, loneLow, `${'😀'.slice(0, 1)}`, `x${loneLow}${loneHigh}`]) {
      const error = await refused(sql`select ${'ok'}::text as a, ${value}::text as v`)
      expect(error).toBeInstanceOf(TidemarkError)
      expect((error as Error).message).toMatch(
        /^Parameter \$2 contains a lone surrogate \(half of a UTF-16 pair, not valid Unicode\) at index \d+\./,
      )
    }
    expect(events).toEqual([])
  })

  it('refuses a NUL in a value or in the statement text before sending it', async () => {
    events.length = 0
    const inValue = await refused(sql`select ${'a\u0000b'}::text as v`)
    expect((inValue as Error).message).toBe(
      'Parameter $1 contains a NUL character (U+0000) at index 1. Remove it from the value (PostgreSQL text cannot hold it).',
    )
    const inText = await refused(sql`select 1 as a${sql.raw('\u0000')}, 2 as b`)
    expect((inText as Error).message).toBe(
      'The SQL text contains a NUL character (U+0000) at index 13. Remove it from the statement (it cannot reach PostgreSQL as written).',
    )
    expect(events).toEqual([])
  })

  it('never runs a statement whose lone surrogate would name another table', async () => {
    // Sent, `t\uD800` became `t\uFFFD`: a different table lost its rows.
    expect(() => sql`delete from ${sql.identifier(`t${loneHigh}`)} where id = ${1}`).toThrow(TidemarkError)
    const raw = await refused(sql`delete from ${sql.raw(`"t${loneHigh}"`)} where id = ${1}`)
    expect((raw as Error).message).toMatch(/^The SQL text contains a lone surrogate .* at index 14\./)
    expect(
      (await target.db.execute(sql`select count(*)::int4 as n from ${sql.identifier('t\uFFFD')}`)).rows,
    ).toEqual([{ n: 2 }])
  })

  it('refuses a lone surrogate from a compiled query too', async () => {
    const error = await refused({ sql: 'select $1::text as v', params: [loneHigh] } as never)
    expect(error).toBeInstanceOf(TidemarkError)
  })
})
