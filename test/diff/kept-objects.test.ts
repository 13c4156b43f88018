import { sql } from 'tidemark'
import { introspect } from 'tidemark/pg'
import { expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { diff } from '../../src/diff/diff.js'
import { hazardsOf } from '../../src/diff/hazards.js'
import { describeEachSchemaTarget } from '../support/databases.js'

const BASE = `
create type tag as (label text);
create table t (id int primary key, a int, b int)`

/** A cast over a function created with it, a publication and extended statistics, with comments. */
const ADDED = `
create function tag_of(label text) returns tag language sql immutable as 'select row(label)::public.tag';
create cast (text as tag) with function tag_of(text) as implicit;
comment on cast (text as tag) is 'From text';
create publication feed for table t (id, a) where (a > 0) with (publish = 'insert');
comment on publication feed is 'To the warehouse';
create statistics t_ab (mcv) on a, b from t;
comment on statistics t_ab is 'Correlated'`

describeEachSchemaTarget('diff and render: casts, publications and extended statistics', (target) => {
  it('creates them after what they use, drops them before it, and says what dropping a publication stops', async () => {
    await target.exec(BASE)
    const before = await introspect(target.db)
    await target.exec(ADDED)
    const after = await introspect(target.db)

    const down = diff(after, before)
    expect(renderChanges(down)).toEqual([
      'DROP PUBLICATION "feed"',
      'DROP STATISTICS "public"."t_ab"',
      'DROP CAST (text AS public.tag)',
      'DROP FUNCTION "public"."tag_of"(text)',
    ])
    expect(down.flatMap((change) => hazardsOf(change, new Set(['public.t'])).map((h) => h.message))).toEqual([
      'drops publication feed: logical replication of its tables to its subscribers stops',
      'drops cast (text AS public.tag): queries and expressions that convert with it fail',
      'drops function tag_of(text): whatever still calls it fails',
    ])
    for (const statement of renderChanges(down)) await target.db.execute(sql.raw(statement))
    expect(await introspect(target.db)).toEqual(before)

    const up = diff(before, after)
    expect(renderChanges(up)).toEqual([
      'SET LOCAL check_function_bodies = off',
      expect.stringMatching(/^CREATE OR REPLACE FUNCTION public\.tag_of\(label text\)/),
      'CREATE CAST (text AS public.tag) WITH FUNCTION public.tag_of(text) AS IMPLICIT',
      `COMMENT ON CAST (text AS public.tag) IS 'From text'`,
      "CREATE PUBLICATION feed FOR TABLE ONLY public.t (id, a) WHERE ((a > 0)) WITH (publish = 'insert')",
      `COMMENT ON PUBLICATION "feed" IS 'To the warehouse'`,
      'CREATE STATISTICS public.t_ab (mcv) ON a, b FROM public.t',
      `COMMENT ON STATISTICS "public"."t_ab" IS 'Correlated'`,
    ])
    for (const statement of renderChanges(up)) await target.db.execute(sql.raw(statement))
    expect(await introspect(target.db)).toEqual(after)
  })

  it('drops a cast over an enum that is replaced, and creates it again after it', async () => {
    await target.exec(`create schema moods;
      create type moods.mood as enum ('low', 'mid', 'high');
      create function moods.mood_of(n integer) returns moods.mood language sql immutable
        as 'select (enum_range(null::moods.mood))[n]';
      create cast (integer as moods.mood) with function moods.mood_of(integer)`)
    const from = await introspect(target.db, { schemas: ['moods'] })
    const to = { ...from, enums: from.enums.map((e) => ({ ...e, values: ['low', 'high'] })) }
    const statements = renderChanges(diff(from, to))
    const at = (prefix: string) => statements.findIndex((s) => s.startsWith(prefix))
    expect(at('DROP CAST (integer AS moods.mood)')).toBeGreaterThanOrEqual(0)
    expect(at('DROP CAST')).toBeLessThan(at('DROP FUNCTION'))
    expect(at('CREATE CAST (integer AS moods.mood)')).toBeGreaterThan(at('CREATE OR REPLACE FUNCTION'))
    for (const statement of statements) await target.db.execute(sql.raw(statement))
    expect(await introspect(target.db, { schemas: ['moods'] })).toEqual(to)
  })
})
