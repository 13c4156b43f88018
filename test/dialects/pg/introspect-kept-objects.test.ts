import { type DefinedObjectModel, sql } from 'tidemark'
import { introspect } from 'tidemark/pg'
import { beforeAll, expect, it } from 'vitest'
import { createDefinedObject } from '../../../src/dialects/pg/ddl/render-defined-objects.js'
import { describeEachSchemaTarget } from '../../support/databases.js'

/**
 * Casts, publications and extended statistics: created by hand, never by the schema DSL, and
 * invisible to check unless introspection reads them.
 */
const SCHEMA = `
create schema app;
create type app.tag as (label text);
-- Its cast to its multirange is PostgreSQL's own, made and dropped with it.
create type app.span as range (subtype = integer);
create function app.tag_of(label text) returns app.tag language sql immutable as 'select row(label)::app.tag';
create cast (text as app.tag) with function app.tag_of(text) as assignment;
create cast (app.tag as text) with inout;
comment on cast (text as app.tag) is 'From text';
create table app.t (id int primary key, a int, b int, note text);
create table app.u (id int primary key, v text);
create table public.journal (id int primary key);
create publication feed for table app.t (id, a) where (a > 0), table app.u, table public.journal
  with (publish = 'insert, update');
comment on publication feed is 'To the warehouse';
create publication whole for tables in schema app;
create publication everything for all tables with (publish_via_partition_root = true);
create statistics app.t_ab (dependencies, ndistinct) on a, b from app.t;
create statistics app.t_sum on (a + b) from app.t;
comment on statistics app.t_ab is 'Correlated';
create statistics public.journal_stats (ndistinct) on id, (id + 1) from public.journal
`

const exclude = [{ schema: 'public', table: 'journal' }]
const KINDS = new Set(['cast', 'publication', 'statistics object'])
const kept = (objects: readonly DefinedObjectModel[]) => objects.filter((o) => KINDS.has(o.kind))

const object = (
  kind: DefinedObjectModel['kind'],
  schema: string,
  name: string,
  table: string | null,
  definition: string,
  comment: string | null = null,
): DefinedObjectModel => ({ kind, schema, name, table, definition, comment, enabled: null })

const EXPECTED: DefinedObjectModel[] = [
  object('cast', 'app', '(app.tag AS text)', null, 'CREATE CAST (app.tag AS text) WITH INOUT'),
  object(
    'cast',
    'app',
    '(text AS app.tag)',
    null,
    'CREATE CAST (text AS app.tag) WITH FUNCTION app.tag_of(text) AS ASSIGNMENT',
    'From text',
  ),
  object(
    'publication',
    'public',
    'everything',
    null,
    'CREATE PUBLICATION everything FOR ALL TABLES WITH (publish_via_partition_root = true)',
  ),
  // The journal is left out, as it is everywhere else.
  object(
    'publication',
    'public',
    'feed',
    null,
    "CREATE PUBLICATION feed FOR TABLE ONLY app.t (id, a) WHERE ((a > 0)), TABLE ONLY app.u WITH (publish = 'insert, update')",
    'To the warehouse',
  ),
  object('publication', 'public', 'whole', null, 'CREATE PUBLICATION whole FOR TABLES IN SCHEMA app'),
  object(
    'statistics object',
    'app',
    't_ab',
    't',
    'CREATE STATISTICS app.t_ab (ndistinct, dependencies) ON a, b FROM app.t',
    'Correlated',
  ),
  object('statistics object', 'app', 't_sum', 't', 'CREATE STATISTICS app.t_sum ON (a + b) FROM app.t'),
]

describeEachSchemaTarget('introspecting casts, publications and extended statistics', (target) => {
  beforeAll(async () => {
    await target.exec(SCHEMA)
  })

  it('reads each as the statement that makes it, leaving out built-in casts and excluded tables', async () => {
    expect(kept((await introspect(target.db, { exclude })).definedObjects)).toEqual(EXPECTED)
  })

  it('reads casts and statistics of the requested schemas, and the publications that list one of them', async () => {
    const names = (schemas: string[]) =>
      introspect(target.db, { schemas }).then((m) => kept(m.definedObjects).map((o) => `${o.kind} ${o.name}`))
    expect(await names(['public'])).toEqual([
      'publication everything',
      'publication feed',
      'statistics object journal_stats',
    ])
    expect(await names(['nowhere'])).toEqual(['publication everything'])
  })

  it('recreates the same objects from their statements', async () => {
    const before = kept((await introspect(target.db, { exclude })).definedObjects)
    await target.db.transaction(async (tx) => {
      for (const o of before) await tx.execute(sql.raw(`drop ${dropTarget(o)}`))
      for (const o of before)
        for (const statement of createDefinedObject(o)) await tx.execute(sql.raw(statement))
    })
    expect(kept((await introspect(target.db, { exclude })).definedObjects)).toEqual(before)
  })
})

const dropTarget = (o: DefinedObjectModel): string =>
  o.kind === 'cast'
    ? `cast ${o.name}`
    : o.kind === 'publication'
      ? `publication ${o.name}`
      : `statistics app.${o.name}`
