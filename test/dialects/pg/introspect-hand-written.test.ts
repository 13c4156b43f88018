import { type SchemaModel, serializeModel, sql } from 'tidemark'
import { introspect } from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeEachSchemaTarget, schemaTargetNames, type TargetName } from '../../support/databases.js'
import { columnModel } from './codegen/support.js'

/**
 * A schema written by hand the way real databases are: unnamed constraints and indexes, quoted,
 * mixed-case, unicode and reserved names, 64-bit sequence bounds, typmods, arrays, every foreign key
 * action, deferrable constraints, per-key index options, and one object of every kind of `definedObjects`.
 */
const HAND_WRITTEN = `
create schema "Sales";
create schema app;
create type app.mood as enum ('sad', 'ok', 'happy');
alter type app.mood add value 'meh' before 'ok';
create sequence app.big_seq as bigint minvalue -9223372036854775808 maxvalue 9223372036854775807
  start 9223372036854775807 increment -1 cycle cache 5;
create table "Sales"."Order Items" (
  "Id" bigint generated always as identity (start with 9223372036854775806 maxvalue 9223372036854775807),
  "select" text not null default 'it''s',
  "Ünïcode" varchar(40),
  at timestamp(0) without time zone default now(),
  price numeric(10,2) check (price >= 0),
  ints integer[] default '{1,2}',
  grid text[][],
  mood app.mood default 'ok',
  unique ("select", "Ünïcode") deferrable initially deferred,
  primary key ("Id")
);
create table app.parent (a int, b int, primary key (b, a), unique nulls not distinct (a));
create table app."user" ("order" int primary key, "Group" text);
create table app.child (
  id serial primary key,
  a int,
  b int,
  c int references app.parent (a) on delete set default on update restrict,
  d int references app.parent (a) on delete set null on update cascade deferrable,
  e int references app.parent (a),
  foreign key (b, a) references app.parent (b, a) on delete cascade on update set null,
  name text collate "C",
  gen int generated always as (a * 2) stored
);
create index on app.child (name collate "POSIX" text_pattern_ops desc nulls last, a nulls first, b desc);
create unique index child_lower on app.child (lower(name), (a + b)) include (c, d) where (a > 0);
create index on app.child using hash (a);
create materialized view app.summary as select a, count(*) as n from app.child group by a with no data;
create view app.parent_names as select p.a, s.n from app.parent p join app.summary s using (a);
create view app.v_union as select a from app.parent union all select a from app.child;
create view app.v_sublink as select c.a, (select max(p.b) from app.parent p where p.a = c.a) as top
  from app.child c where c.a in (select a from app.parent) order by c.a;
create view "Sales"."Order View" as select "Order Items"."select" from "Sales"."Order Items";
create function app.touch(x integer, y text) returns integer language sql immutable as $$ select x + length(y) $$;
create function app.touch() returns trigger language plpgsql as $$ begin new.a := 1; return new; end $$;
create procedure app.reset(n integer) language sql as $$ delete from app.child where a = n $$;
create aggregate app.total(integer) (sfunc = int4pl, stype = integer, initcond = '0');
create trigger child_touch before insert on app.child for each row execute function app.touch();
create domain app.positive as integer not null default 1 constraint positive_check check (value > 0);
create type app.pair as (x integer, label text collate "C");
create type app.floatrange as range (subtype = float8, subtype_diff = float8mi);
alter table app.child enable row level security;
create policy child_owner on app.child as restrictive for update to public using (a > 0) with check (b > 0);
create rule parent_no_delete as on delete to app.parent do instead nothing;
comment on table "Sales"."Order Items" is 'Line items: ''quoted'', ünïcode ✓';
comment on column "Sales"."Order Items"."select" is E'two\\nlines and a \\\\ backslash';
comment on column app.child.gen is '';
comment on type app.mood is 'How it went';
comment on materialized view app.summary is 'Counts by a';
comment on view "Sales"."Order View" is 'Selected items';
comment on index app.child_lower is 'not in the model yet';
`

const plain = columnModel

const noDeferral = { deferrable: false, initiallyDeferred: false }
const ascending = { order: 'asc', nulls: 'last', opclass: null, collation: null } as const
const parentA = { schema: 'app', table: 'parent', columns: ['a'] }

const expected: SchemaModel = {
  dialect: 'postgresql',
  version: 1,
  schemas: ['Sales', 'app'],
  enums: [{ schema: 'app', name: 'mood', values: ['sad', 'meh', 'ok', 'happy'], comment: 'How it went' }],
  domains: [
    {
      schema: 'app',
      name: 'positive',
      type: 'integer',
      notNull: true,
      default: '1',
      collation: null,
      checks: [{ name: 'positive_check', expression: '(VALUE > 0)' }],
      comment: null,
    },
  ],
  compositeTypes: [
    {
      schema: 'app',
      name: 'pair',
      attributes: [
        { name: 'x', type: 'integer', collation: null },
        { name: 'label', type: 'text', collation: 'C' },
      ],
      comment: null,
    },
  ],
  sequences: [
    {
      schema: 'app',
      name: 'big_seq',
      type: 'bigint',
      start: '9223372036854775807',
      increment: '-1',
      minValue: '-9223372036854775808',
      maxValue: '9223372036854775807',
      cache: '5',
      cycle: true,
      ownedBy: null,
    },
    {
      schema: 'app',
      name: 'child_id_seq',
      type: 'integer',
      start: '1',
      increment: '1',
      minValue: '1',
      maxValue: '2147483647',
      cache: '1',
      cycle: false,
      ownedBy: { table: 'child', column: 'id' },
    },
  ],
  tables: [
    {
      schema: 'Sales',
      name: 'Order Items',
      columns: [
        plain('Id', 'bigint', {
          notNull: true,
          identity: {
            generation: 'always',
            sequence: {
              name: 'Order Items_Id_seq',
              start: '9223372036854775806',
              increment: '1',
              minValue: '1',
              maxValue: '9223372036854775807',
              cache: '1',
              cycle: false,
            },
          },
        }),
        plain('select', 'text', {
          notNull: true,
          default: "'it''s'::text",
          comment: 'two\nlines and a \\ backslash',
        }),
        plain('Ünïcode', 'character varying(40)'),
        plain('at', 'timestamp(0) without time zone', { default: 'now()' }),
        plain('price', 'numeric(10,2)'),
        plain('ints', 'integer[]', { dimensions: 1, default: "'{1,2}'::integer[]" }),
        plain('grid', 'text[]', { dimensions: 2 }),
        plain('mood', 'app.mood', { default: "'ok'::app.mood" }),
      ],
      primaryKey: { name: 'Order Items_pkey', columns: ['Id'] },
      uniques: [
        {
          name: 'Order Items_select_Ünïcode_key',
          columns: ['select', 'Ünïcode'],
          nullsNotDistinct: false,
          deferrable: true,
          initiallyDeferred: true,
        },
      ],
      foreignKeys: [],
      checks: [{ name: 'Order Items_price_check', expression: '(price >= (0)::numeric)' }],
      indexes: [],
      comment: "Line items: 'quoted', ünïcode ✓",
      rowLevelSecurity: { enabled: false, forced: false },
      storageParameters: [],
      unlogged: false,
      replicaIdentity: { kind: 'default', index: null },
      policies: [],
      partitionBy: null,
      partitionOf: null,
    },
    {
      schema: 'app',
      name: 'child',
      columns: [
        plain('id', 'integer', { notNull: true, default: "nextval('app.child_id_seq'::regclass)" }),
        plain('a', 'integer'),
        plain('b', 'integer'),
        plain('c', 'integer'),
        plain('d', 'integer'),
        plain('e', 'integer'),
        plain('name', 'text', { collation: 'C' }),
        plain('gen', 'integer', { generated: '(a * 2)' }),
      ],
      primaryKey: { name: 'child_pkey', columns: ['id'] },
      uniques: [],
      foreignKeys: [
        {
          name: 'child_b_a_fkey',
          columns: ['b', 'a'],
          references: { schema: 'app', table: 'parent', columns: ['b', 'a'] },
          onDelete: 'cascade',
          onUpdate: 'set null',
          ...noDeferral,
        },
        {
          name: 'child_c_fkey',
          columns: ['c'],
          references: parentA,
          onDelete: 'set default',
          onUpdate: 'restrict',
          ...noDeferral,
        },
        {
          name: 'child_d_fkey',
          columns: ['d'],
          references: parentA,
          onDelete: 'set null',
          onUpdate: 'cascade',
          deferrable: true,
          initiallyDeferred: false,
        },
        {
          name: 'child_e_fkey',
          columns: ['e'],
          references: parentA,
          onDelete: 'no action',
          onUpdate: 'no action',
          ...noDeferral,
        },
      ],
      checks: [],
      indexes: [
        {
          name: 'child_a_idx',
          unique: false,
          method: 'hash',
          elements: [{ column: 'a', expression: null, ...ascending }],
          include: [],
          where: null,
          nullsNotDistinct: false,
          storageParameters: [],
        },
        {
          name: 'child_lower',
          unique: true,
          method: 'btree',
          elements: [
            { column: null, expression: 'lower(name)', ...ascending },
            { column: null, expression: '(a + b)', ...ascending },
          ],
          include: ['c', 'd'],
          where: '(a > 0)',
          nullsNotDistinct: false,
          storageParameters: [],
        },
        {
          name: 'child_name_a_b_idx',
          unique: false,
          method: 'btree',
          elements: [
            {
              column: 'name',
              expression: null,
              order: 'desc',
              nulls: 'last',
              opclass: 'text_pattern_ops',
              collation: 'POSIX',
            },
            { column: 'a', expression: null, ...ascending, nulls: 'first' },
            { column: 'b', expression: null, ...ascending, order: 'desc', nulls: 'first' },
          ],
          include: [],
          where: null,
          nullsNotDistinct: false,
          storageParameters: [],
        },
      ],
      comment: null,
      rowLevelSecurity: { enabled: true, forced: false },
      storageParameters: [],
      unlogged: false,
      replicaIdentity: { kind: 'default', index: null },
      policies: [
        {
          name: 'child_owner',
          permissive: false,
          command: 'update',
          roles: ['public'],
          using: '(a > 0)',
          withCheck: '(b > 0)',
        },
      ],
      partitionBy: null,
      partitionOf: null,
    },
    {
      schema: 'app',
      name: 'parent',
      columns: [plain('a', 'integer', { notNull: true }), plain('b', 'integer', { notNull: true })],
      primaryKey: { name: 'parent_pkey', columns: ['b', 'a'] },
      uniques: [{ name: 'parent_a_key', columns: ['a'], nullsNotDistinct: true, ...noDeferral }],
      foreignKeys: [],
      checks: [],
      indexes: [],
      comment: null,
      rowLevelSecurity: { enabled: false, forced: false },
      storageParameters: [],
      unlogged: false,
      replicaIdentity: { kind: 'default', index: null },
      policies: [],
      partitionBy: null,
      partitionOf: null,
    },
    {
      schema: 'app',
      name: 'user',
      columns: [plain('order', 'integer', { notNull: true }), plain('Group', 'text')],
      primaryKey: { name: 'user_pkey', columns: ['order'] },
      uniques: [],
      foreignKeys: [],
      checks: [],
      indexes: [],
      comment: null,
      rowLevelSecurity: { enabled: false, forced: false },
      storageParameters: [],
      unlogged: false,
      replicaIdentity: { kind: 'default', index: null },
      policies: [],
      partitionBy: null,
      partitionOf: null,
    },
  ],
  views: [
    {
      schema: 'Sales',
      name: 'Order View',
      materialized: false,
      definition: 'SELECT "select"\n   FROM "Sales"."Order Items"',
      withNoData: false,
      storageParameters: [],
      dependsOn: ['Sales.Order Items'],
      indexes: [],
      comment: 'Selected items',
    },
    {
      schema: 'app',
      name: 'parent_names',
      materialized: false,
      definition: 'SELECT p.a,\n    s.n\n   FROM app.parent p\n     JOIN app.summary s USING (a)',
      withNoData: false,
      storageParameters: [],
      dependsOn: ['app.parent', 'app.summary'],
      indexes: [],
      comment: null,
    },
    {
      schema: 'app',
      name: 'summary',
      materialized: true,
      definition: 'SELECT a,\n    count(*) AS n\n   FROM app.child\n  GROUP BY a',
      withNoData: true,
      storageParameters: [],
      dependsOn: ['app.child'],
      indexes: [],
      comment: 'Counts by a',
    },
    {
      schema: 'app',
      name: 'v_sublink',
      materialized: false,
      definition: [
        'SELECT a,',
        '    ( SELECT max(p.b) AS max',
        '           FROM app.parent p',
        '          WHERE p.a = c.a) AS top',
        '   FROM app.child c',
        '  WHERE (a IN ( SELECT parent.a',
        '           FROM app.parent))',
        '  ORDER BY a',
      ].join('\n'),
      withNoData: false,
      storageParameters: [],
      dependsOn: ['app.child', 'app.parent'],
      indexes: [],
      comment: null,
    },
    {
      schema: 'app',
      name: 'v_union',
      materialized: false,
      definition: 'SELECT parent.a\n   FROM app.parent\nUNION ALL\n SELECT child.a\n   FROM app.child',
      withNoData: false,
      storageParameters: [],
      dependsOn: ['app.child', 'app.parent'],
      indexes: [],
      comment: null,
    },
  ],
  definedObjects: [
    {
      kind: 'aggregate',
      schema: 'app',
      name: 'total(integer)',
      table: null,
      comment: null,
      enabled: null,
      definition: "CREATE AGGREGATE app.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0')",
    },
    {
      kind: 'function',
      schema: 'app',
      name: 'touch()',
      table: null,
      comment: null,
      enabled: null,
      definition:
        'CREATE OR REPLACE FUNCTION app.touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$ begin new.a := 1; return new; end $function$',
    },
    {
      kind: 'function',
      schema: 'app',
      name: 'touch(integer, text)',
      table: null,
      comment: null,
      enabled: null,
      definition:
        'CREATE OR REPLACE FUNCTION app.touch(x integer, y text)\n RETURNS integer\n LANGUAGE sql\n IMMUTABLE\nAS $function$ select x + length(y) $function$',
    },
    {
      kind: 'procedure',
      schema: 'app',
      name: 'reset(integer)',
      table: null,
      comment: null,
      enabled: null,
      definition:
        'CREATE OR REPLACE PROCEDURE app.reset(IN n integer)\n LANGUAGE sql\nAS $procedure$ delete from app.child where a = n $procedure$',
    },
    {
      kind: 'range type',
      schema: 'app',
      name: 'floatrange',
      table: null,
      comment: null,
      enabled: null,
      definition:
        'CREATE TYPE app.floatrange AS RANGE (SUBTYPE = double precision, SUBTYPE_DIFF = float8mi, MULTIRANGE_TYPE_NAME = app.floatmultirange)',
    },
    {
      kind: 'rule',
      schema: 'app',
      name: 'parent_no_delete',
      table: 'parent',
      comment: null,
      enabled: null,
      definition: 'CREATE RULE parent_no_delete AS\n    ON DELETE TO app.parent DO INSTEAD NOTHING',
    },
    {
      kind: 'trigger',
      schema: 'app',
      name: 'child_touch',
      table: 'child',
      comment: null,
      enabled: 'origin',
      definition:
        'CREATE TRIGGER child_touch BEFORE INSERT ON app.child FOR EACH ROW EXECUTE FUNCTION app.touch()',
    },
  ],
  // PostgreSQL's default EXECUTE for PUBLIC on the routines; the owner's own privileges are implicit.
  grants: [
    {
      on: 'function',
      schema: 'app',
      name: 'touch()',
      column: null,
      grantee: 'public',
      privilege: 'EXECUTE',
      grantable: false,
    },
    {
      on: 'function',
      schema: 'app',
      name: 'touch(integer, text)',
      column: null,
      grantee: 'public',
      privilege: 'EXECUTE',
      grantable: false,
    },
    {
      on: 'procedure',
      schema: 'app',
      name: 'reset(integer)',
      column: null,
      grantee: 'public',
      privilege: 'EXECUTE',
      grantable: false,
    },
  ],
}

/** Serialized models by target, compared once every target has run. */
const byTarget = new Map<TargetName, string>()

describeEachSchemaTarget('introspecting a hand-written schema', (target) => {
  let model: SchemaModel
  beforeAll(async () => {
    await target.exec(HAND_WRITTEN)
    model = await introspect(target.db)
    byTarget.set(target.name, serializeModel(model))
  })

  it('reads exactly the expected model', () => {
    expect(model).toEqual(expected)
  })

  it('gives byte-identical output when run twice', async () => {
    expect(serializeModel(await introspect(target.db))).toBe(serializeModel(model))
  })

  it('leaves the caller transaction settings as they were', async () => {
    const path = await target.db.transaction(async (tx) => {
      await tx.execute(sql`set local search_path = app, public`)
      await introspect(tx)
      const { rows } = await tx.execute<{ path: string; zone: string }>(
        sql`select current_setting('search_path') as path`,
      )
      return rows[0]!.path
    })
    expect(path).toBe('app, public')
  })

  it('writes the definitions of defined objects that recreate the same objects', async () => {
    const tables = HAND_WRITTEN.split(/;\n/)
      .filter(
        (statement) =>
          !/^\s*create (function|procedure|aggregate|trigger|type app\.floatrange|rule)/.test(statement),
      )
      .join(';\n')
    const kinds = ['range type', 'function', 'procedure', 'aggregate', 'trigger', 'rule']
    const recreated = kinds.flatMap((kind) =>
      model.definedObjects.filter((o) => o.kind === kind).map((o) => o.definition),
    )
    await target.db.transaction(async (tx) => {
      await tx.execute(sql.raw('drop schema app, "Sales" cascade'))
      for (const statement of tables.split(/;\n/).filter((s) => s.trim() !== ''))
        await tx.execute(sql.raw(statement))
      for (const definition of recreated) await tx.execute(sql.raw(definition))
    })
    expect((await introspect(target.db)).definedObjects).toEqual(model.definedObjects)
  })
})

describe('introspecting on every target', () => {
  afterAll(() => byTarget.clear())
  it('gives the same model on PGlite (PostgreSQL 18) and on the server', () => {
    expect([...byTarget.keys()]).toEqual(schemaTargetNames)
    for (const text of byTarget.values()) expect(text).toBe(byTarget.get('pglite'))
  })
})
