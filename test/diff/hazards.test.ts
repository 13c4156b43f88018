import { sql } from 'tidemark'
import {
  bigint,
  enumType,
  index,
  integer,
  materializedView,
  table,
  text,
  toModel,
  uniqueIndex,
  varchar,
} from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange } from '../../src/diff/describe.js'
import { type Change, diff } from '../../src/diff/index.js'

const hazardsOf = (changes: readonly Change[]) =>
  changes.flatMap((c) => c.hazards.map((h) => `${c.kind}: ${h.kind}`))

describe('hazards and rendering of single changes', () => {
  const users = (columns: Parameters<typeof table>[1], extras?: Parameters<typeof table>[2]) =>
    toModel({ users: table('users', { id: integer().primaryKey(), ...columns }, extras) })

  it('flags dropped tables and columns as data loss', () => {
    expect(hazardsOf(diff(users({ name: text() }), toModel()))).toEqual(['drop-table: data-loss'])
    expect(hazardsOf(diff(users({ name: text() }), users({})))).toEqual(['drop-column: data-loss'])
  })

  it('tells narrowing, widening and in-place type changes apart, with a USING cast only where needed', () => {
    const narrowing = diff(users({ n: bigint() }), users({ n: integer() }))
    expect(hazardsOf(narrowing)).toEqual(['alter-column-type: table-rewrite', 'alter-column-type: data-loss'])
    expect(renderChanges(narrowing)).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "n" TYPE integer USING "n"::text::integer',
    ])
    const widening = diff(users({ n: integer() }), users({ n: bigint() }))
    expect(hazardsOf(widening)).toEqual(['alter-column-type: table-rewrite'])
    expect(renderChanges(widening)).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "n" TYPE bigint USING "n"::bigint',
    ])
    const inPlace = diff(users({ n: varchar({ length: 20 }) }), users({ n: varchar({ length: 40 }) }))
    expect(hazardsOf(inPlace)).toEqual([])
    expect(renderChanges(inPlace)).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "n" TYPE character varying(40)',
    ])
  })

  it('flags scans and index builds on existing tables as long locks, not on new tables', () => {
    const indexed = toModel({
      users: table('users', { id: integer().primaryKey(), n: text() }, (t) => [index().on(t.n)]),
    })
    expect(hazardsOf(diff(users({ n: text() }), indexed))).toEqual(['create-index: long-lock'])
    expect(hazardsOf(diff(toModel(), indexed))).toEqual([])
    expect(hazardsOf(diff(users({ n: text() }), users({ n: text().notNull() })))).toEqual([
      'set-column-not-null: long-lock',
    ])
  })

  it('flags an index built on a materialized view that stays, not on one created or rebuilt', () => {
    const model = (indexed: boolean, query = 'select 1 as n') => {
      const totals = materializedView('totals', { n: integer() })
        .indexes((v) => (indexed ? [uniqueIndex().on(v.n)] : []))
        .as(sql.raw(query))
      return toModel({ totals })
    }
    const added = diff(model(false), model(true))
    expect(hazardsOf(added)).toEqual(['create-view-index: long-lock'])
    expect(added.map(describeChange)).toEqual(['create index totals_n_idx on materialized view totals'])
    expect(renderChanges(added)).toEqual([
      'CREATE UNIQUE INDEX "totals_n_idx" ON "public"."totals" USING btree ("n")',
    ])
    expect(hazardsOf(diff(toModel(), model(true)))).toEqual([])
    const rebuilt = diff(model(true), model(true, 'select 2 as n'))
    expect(rebuilt.map((c) => c.kind)).toEqual(['drop-view', 'create-view', 'create-view-index'])
    expect(hazardsOf(rebuilt)).toEqual([])
    const dropped = diff(model(true), model(false))
    expect(dropped.map(describeChange)).toEqual(['drop index totals_n_idx on materialized view totals'])
    expect(renderChanges(dropped)).toEqual(['DROP INDEX "public"."totals_n_idx"'])
  })

  it('adds enum labels in their declared position, and flags label removal as data loss', () => {
    const model = (labels: [string, ...string[]]) => {
      const mood = enumType('mood', labels)
      return toModel({ mood, t: table('t', { m: mood() }) })
    }
    const added = diff(model(['happy', 'sad']), model(['calm', 'happy', 'ok', 'sad', 'angry']))
    expect(renderChanges(added)).toEqual([
      `ALTER TYPE "public"."mood" ADD VALUE 'angry'`,
      `ALTER TYPE "public"."mood" ADD VALUE 'ok' BEFORE 'sad'`,
      `ALTER TYPE "public"."mood" ADD VALUE 'calm' BEFORE 'happy'`,
    ])
    expect(hazardsOf(added)).toEqual([])
    const removed = diff(model(['happy', 'sad']), model(['happy']))
    expect(hazardsOf(removed)).toEqual(['replace-enum: data-loss', 'move-enum-columns: table-rewrite'])
  })

  it('flags renames as breaking for a running app', () => {
    const renamed = diff(users({ name: text() }), users({ fullName: text('full_name') }), {
      renames: { tables: [], columns: [{ schema: 'public', table: 'users', from: 'name', to: 'full_name' }] },
    })
    expect(hazardsOf(renamed)).toEqual(['rename-column: breaking'])
    expect(renderChanges(renamed)).toEqual([
      'ALTER TABLE "public"."users" RENAME COLUMN "name" TO "full_name"',
    ])
  })
})
