/**
 * The property behind "values and identifiers are never changed silently": thousands of hostile
 * strings (lone surrogates, NUL, byte order marks, noncharacters, quotes, placeholders, astral
 * characters, long runs) go out as values and as identifiers on every driver. Each one either
 * arrives exactly (the server's own byte length and md5 of it, and the statement text the server
 * received, match what was sent, and it comes back as sent) or is refused with a TidemarkError
 * before anything is sent. Values travel in batches, so the whole file costs a few dozen statements.
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { sql, TidemarkError } from 'tidemark'
import { expect, it } from 'vitest'
import { compile } from '../../src/dialects/pg/index.js'
import { describeEachStatementDriver } from '../support/databases.js'

const pieces = [
  '\u0000',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uD83D\uDE00',
  '\uFEFF',
  '\uFFFD',
  '\uFFFE',
  '\uFFFF',
  '\u2028',
  '\u200B',
  'e\u0301',
  'ß',
  "'",
  '"',
  '""',
  '\\',
  '$1',
  '?',
  ';',
  '--',
  '/*',
  '\r\n',
  '\t',
  ' ',
  'drop table t',
]

/** Hostile strings: any UTF-16 code units (lone surrogates and NUL included), pieces chosen to hurt, and long runs. */
const hostile = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    maxLength: 12,
  }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', minLength: 40, maxLength: 400 }),
)

const BATCH = 250
const BATCHES = 8 // 2,000 strings per property

/** Can this string reach PostgreSQL as text? (well-formed UTF-16 without NUL) */
const sendable = (text: string) => !text.includes('\u0000') && !/\p{Surrogate}/u.test(text)
const utf8Length = (text: string) => Buffer.byteLength(text)
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')

describeEachStatementDriver('hostile strings', (target) => {
  it('as values: arrive and come back exactly, or are refused before sending', async () => {
    let checked = 0
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: BATCH, maxLength: BATCH }), async (values) => {
        const kept = values.filter(sendable)
        for (const value of values.filter((v) => !sendable(v))) {
          const error = await target.db.execute(sql`select ${value}::text as v`).catch((e: unknown) => e)
          expect(error).toBeInstanceOf(TidemarkError)
          expect((error as Error).message).toMatch(
            /^Parameter \$1 contains (a NUL character|a lone surrogate)/,
          )
        }
        const query = sql`select v, octet_length(v)::int4 as bytes, md5(v) as md5
          from unnest(array[${sql.join(kept)}]::text[]) with ordinality as t(v, i) order by i`
        const { rows } = await target.db.execute<{ v: string; bytes: number; md5: string }>(
          kept.length === 0 ? sql`select null::text as v, 0 as bytes, '' as md5 where false` : query,
        )
        expect(rows.map((row) => ({ bytes: row.bytes, md5: row.md5 }))).toEqual(
          kept.map((value) => ({ bytes: utf8Length(value), md5: md5(value) })),
        )
        expect(rows.map((row) => row.v)).toEqual(kept)
        checked += values.length
      }),
      { numRuns: BATCHES, seed: 16, endOnFailure: true },
    )
    expect(checked).toBe(BATCH * BATCHES)
  })

  it('as identifiers: name exactly the column written, or are refused before sending', async () => {
    let checked = 0
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: BATCH, maxLength: BATCH }), async (names) => {
        const kept: string[] = []
        for (const name of names) {
          const fits = name !== '' && sendable(name) && utf8Length(name) <= 63
          if (fits) {
            kept.push(name)
            continue
          }
          expect(() => sql.identifier(name)).toThrow(TidemarkError)
        }
        const columns = kept.map((name, i) => sql`${i}::int4 as ${sql.identifier(name)}`)
        const query = sql`select current_query() as statement, ${sql.join(columns)}`
        const { rows, fields } = await target.db.execute<{ statement: string }>(query)
        // The server ran the very statement Tidemark wrote: no name was truncated, replaced or cut.
        expect(rows[0]!.statement).toBe(compile(query).sql)
        expect(fields.map((field) => field.name)).toEqual(['statement', ...kept])
        checked += names.length
      }),
      { numRuns: BATCHES, seed: 16, endOnFailure: true },
    )
    expect(checked).toBe(BATCH * BATCHES)
  })
})
