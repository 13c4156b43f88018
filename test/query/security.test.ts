/**
 * The injection property: whatever strings arrive as values, selection keys, table names or column
 * names, every value is a bound parameter, every identifier is quoted, values round-trip exactly,
 * and the statement's shape (its text with quoted names abstracted) never changes.
 */
import fc from 'fast-check'
import { and, deleteFrom, eq, inArray, insert, like, select, sql, update } from 'tidemark'
import { jsonb, renderCreate, table, text, toModel } from 'tidemark/pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { byteLength } from '../../src/sql/identifiers.js'
import { describeEachDatabase } from '../support/databases.js'

const hostile = [
  "'",
  '"',
  '\\',
  '$1',
  '$2',
  '--',
  '/*',
  '*/',
  ';',
  'drop table x',
  '\n',
  '\t',
  'é',
  '😀',
  ' ',
  'a',
  '?',
  '::',
  "E'",
]

/** Strings built from SQL metacharacters and arbitrary unicode; NUL is the one character PostgreSQL text refuses. */
const anyText = fc
  .oneof(
    fc.array(fc.constantFrom(...hostile), { maxLength: 20 }).map((parts) => parts.join('')),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'grapheme-ascii', minLength: 5000, maxLength: 20000 }),
  )
  .map((text) => text.replaceAll('\u0000', ''))

/** Names PostgreSQL keeps as written: non-empty, no NUL, at most 63 bytes. */
const anyName = anyText.filter((name) => name !== '' && byteLength(name) <= 63)

/** The statement with every quoted identifier replaced by one marker. */
const shape = (text: string) => text.replace(/"(?:[^"]|"")*"/g, '"?"')

const fixed = table('sec_fixed', {
  id: text().primaryKey(),
  body: text().notNull(),
  doc: jsonb<unknown>(),
  list: text().array(),
})

describe('statement shape', () => {
  it('is the same whatever the values, aliases and names', () => {
    const build = (tableName: string, columnName: string, key: string, value: string) => {
      const t = table(tableName, { c: text(columnName).notNull(), other: text('other') })
      return [
        select({ [key]: t.c })
          .from(t)
          .where(and(eq(t.c, value), like(t.other, value), inArray(t.c, [value, value])))
          .orderBy(t.c)
          .limit(1)
          .as(key),
      ]
        .map((sub) => select().from(sub).toSQL().sql)
        .concat([
          insert(t)
            .values({ c: value, other: value })
            .returning({ [key]: t.c })
            .toSQL().sql,
          update(t).set({ c: value }).where(eq(t.other, value)).toSQL().sql,
          deleteFrom(t).where(eq(t.c, value)).toSQL().sql,
        ])
    }
    const expected = build('t', 'c', 'k', 'v').map(shape)
    fc.assert(
      fc.property(anyName, anyName, anyName, anyText, (tableName, columnName, key, value) => {
        // A key equal to its column's name needs no alias, which is a different (still safe) shape.
        fc.pre(key !== columnName)
        expect(build(tableName, columnName, key, value).map(shape)).toEqual(expected)
      }),
      // A key named __proto__ once replaced a prototype instead of naming a field.
      { numRuns: 300, examples: [[' ', ' ', '__proto__', '']] },
    )
  })
})

describeEachDatabase('hostile strings', (target) => {
  beforeAll(async () => {
    for (const statement of renderCreate(toModel({ fixed }))) await target.db.execute(sql.raw(statement))
  })

  it('round-trip exactly as values through insert, select, update and delete', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(anyText, anyText, fc.array(anyText, { maxLength: 4 }), async (body, other, list) => {
        const id = `row-${n++}`
        const [inserted] = await target.db
          .insert(fixed)
          .values({ id, body, doc: { body, list }, list })
          .returning()
        expect(inserted).toEqual({ id, body, doc: { body, list }, list })
        const found = await target.db
          .select({ body: fixed.body, doc: fixed.doc })
          .from(fixed)
          .where(and(eq(fixed.id, id), eq(fixed.body, body), inArray(fixed.body, [body, other])))
        expect(found).toEqual([{ body, doc: { body, list } }])
        const [updated] = await target.db
          .update(fixed)
          .set({ body: other })
          .where(eq(fixed.id, id))
          .returning({ body: fixed.body })
        expect(updated).toEqual({ body: other })
        const deleted = await target.db.delete(fixed).where(eq(fixed.body, other)).returning({ id: fixed.id })
        expect(deleted.map((row) => row.id)).toContain(id)
      }),
      { numRuns: target.kind === 'embedded' ? 60 : 40 },
    )
  })

  it('work as table names, column names and selection keys', async () => {
    await fc.assert(
      fc.asyncProperty(anyName, anyName, anyName, anyText, async (tableName, columnName, key, value) => {
        const t = table(tableName, { c: text(columnName).notNull() })
        for (const statement of renderCreate(toModel({ t }))) await target.db.execute(sql.raw(statement))
        try {
          await target.db.insert(t).values({ c: value })
          const rows = await target.db
            .select({ [key]: t.c })
            .from(t)
            .where(eq(t.c, value))
          expect(rows).toEqual([{ [key]: value }])
          const sub = target.db
            .select({ [key]: t.c })
            .from(t)
            .as(key)
          const outer = await target.db.select().from(sub)
          expect(outer).toEqual([{ [key]: value }])
          expect(await target.db.delete(t).all()).toEqual({ rowCount: 1 })
        } finally {
          await target.db.execute(sql`drop table ${t}`)
        }
      }),
      { numRuns: 25, examples: [[' ', ' ', '__proto__', '']] },
    )
  })
})
