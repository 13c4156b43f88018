import type { PGlite } from '@electric-sql/pglite'
import { citext } from '@electric-sql/pglite/contrib/citext'
import type { Database, SchemaModel } from 'tidemark'
import { introspect } from 'tidemark/pg'
import { fromPGlite } from 'tidemark/pglite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachSchemaTarget } from '../../support/databases.js'
import { createPGlite } from '../../support/pglite.js'

const SCHEMA = `
create schema journal;
create table journal.migrations (id serial primary key, name text not null);
create schema notes;
create table notes.applied (id int primary key);
create type notes.status as enum ('open', 'closed');
create schema empty_from_the_start;
create table public.keep (id int primary key);
create table public.skip (id bigserial primary key, note text);
create index on public.skip (note);
create function public.stamp() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger skip_stamp before insert on public.skip for each row execute function public.stamp();
create policy skip_all on public.skip using (true);
create rule skip_nothing as on delete to public.skip do instead nothing;
create schema other;
create table other.t (x int references public.keep (id));
create type other.e as enum ('a');
create function other.f() returns int language sql as 'select 1';
`

const names = (model: SchemaModel) => ({
  schemas: model.schemas,
  tables: model.tables.map((t) => `${t.schema}.${t.name}`),
  sequences: model.sequences.map((s) => `${s.schema}.${s.name}`),
  enums: model.enums.map((e) => `${e.schema}.${e.name}`),
  definedObjects: model.definedObjects.map(
    (o) => `${o.kind} ${o.schema}.${o.table === null ? '' : `${o.table}.`}${o.name}`,
  ),
})

describeEachSchemaTarget('introspect options', (target) => {
  beforeAll(() => target.exec(SCHEMA))

  it('reads every user schema without options', async () => {
    const model = await introspect(target.db)
    // A policy belongs to its table, no longer among the defined objects.
    expect(model.tables.find((t) => t.name === 'skip')?.policies.map((p) => p.name)).toEqual(['skip_all'])
    expect(names(model)).toEqual({
      schemas: ['empty_from_the_start', 'journal', 'notes', 'other'],
      tables: ['journal.migrations', 'notes.applied', 'other.t', 'public.keep', 'public.skip'],
      sequences: ['journal.migrations_id_seq', 'public.skip_id_seq'],
      enums: ['notes.status', 'other.e'],
      definedObjects: [
        'function other.f()',
        'function public.stamp()',
        'rule public.skip.skip_nothing',
        'trigger public.skip.skip_stamp',
      ],
    })
  })

  it('leaves excluded tables out with their sequences, triggers, policies, rules and emptied schema', async () => {
    const model = await introspect(target.db, {
      exclude: [
        { schema: 'journal', table: 'migrations' },
        { schema: 'public', table: 'skip' },
        { schema: 'notes', table: 'applied' },
      ],
    })
    expect(names(model)).toEqual({
      // notes keeps its enum, so only journal disappears; a schema empty from the start stays.
      schemas: ['empty_from_the_start', 'notes', 'other'],
      tables: ['other.t', 'public.keep'],
      sequences: [],
      enums: ['notes.status', 'other.e'],
      definedObjects: ['function other.f()', 'function public.stamp()'],
    })
  })

  it('reads only the schemas asked for', async () => {
    const model = await introspect(target.db, { schemas: ['other'] })
    expect(names(model)).toEqual({
      schemas: ['other'],
      tables: ['other.t'],
      sequences: [],
      enums: ['other.e'],
      definedObjects: ['function other.f()'],
    })
    // A foreign key into a schema that was not read still names its target.
    expect(model.tables[0]!.foreignKeys[0]!.references).toEqual({
      schema: 'public',
      table: 'keep',
      columns: ['id'],
    })
    expect(names(await introspect(target.db, { schemas: ['public'] })).tables).toEqual([
      'public.keep',
      'public.skip',
    ])
  })
})

describeEachSchemaTarget('introspecting objects that belong to an extension', (target) => {
  // The shared PGlite has no contrib extension loaded, so the embedded run uses one that has citext.
  let embedded: PGlite | undefined
  let db: Database
  beforeAll(async () => {
    if (target.kind === 'embedded') {
      embedded = await createPGlite({ extensions: { citext } })
      db = fromPGlite(embedded)
    } else {
      db = target.db
    }
    await db.transaction(async (tx) => {
      for (const statement of [
        'create schema ext',
        'create extension citext with schema ext',
        'create table public.words (w ext.citext primary key)',
      ]) {
        await tx.execute({ sql: statement, params: [] })
      }
    })
  })
  afterAll(() => embedded?.close())

  it('lists the extension once, not its functions, types or operators', async () => {
    const model = await introspect(db)
    expect(model.schemas).toEqual(['ext'])
    expect(model.definedObjects).toEqual([
      {
        kind: 'extension',
        schema: 'ext',
        name: 'citext',
        table: null,
        definition: 'CREATE EXTENSION IF NOT EXISTS "citext" WITH SCHEMA "ext"',
        comment: null,
        enabled: null,
      },
    ])
    expect(model.tables.map((t) => t.columns)).toEqual([
      [
        {
          name: 'w',
          type: 'ext.citext',
          dimensions: 0,
          notNull: true,
          default: null,
          identity: null,
          generated: null,
          collation: null,
          comment: null,
        },
      ],
    ])
  })

  it('leaves out an extension installed outside the schemas asked for', async () => {
    expect((await introspect(db, { schemas: ['public'] })).definedObjects).toEqual([])
  })
})
