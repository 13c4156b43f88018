import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { introspect } from '../../../src/dialects/pg/introspect/index.js'
import { describeEachSchemaTarget } from '../../support/databases.js'

const OBJECTS = `
create schema kept;
create table kept.t (id serial primary key);
create view kept.v as select id from kept.t;
create materialized view kept.m as select id from kept.t;
create sequence kept.s;
create function kept.f(n integer) returns integer language sql as 'select n';
create procedure kept.p() language sql as 'select 1';
create type kept.e as enum ('a');
create domain kept.d as text;
create type kept.c as (x int);
`

describeEachSchemaTarget('introspecting owners', (target) => {
  // Roles are cluster-wide on a server: a name of this run's own, dropped afterwards.
  const role = `tidemark_owner_${randomBytes(5).toString('hex')}`
  beforeAll(() => target.exec(`create role ${role}; ${OBJECTS}`))
  afterAll(() => target.exec(`drop schema kept cascade; drop owned by ${role}; drop role ${role}`))

  it("lists nothing while every object is the session's role's", async () => {
    expect((await introspect(target.db)).owners).toBeUndefined()
  })

  it('lists each object another role owns, but not a sequence owned by a column', async () => {
    const kinds = [
      'schema kept',
      'table kept.t',
      'view kept.v',
      'materialized view kept.m',
      'sequence kept.s',
      'function kept.f(integer)',
      'procedure kept.p()',
      'type kept.e',
      'domain kept.d',
      'type kept.c',
    ]
    await target.exec(kinds.map((k) => `alter ${k} owner to ${role}`).join(';\n'))
    const owned = (on: string, name: string, schema = 'kept') => ({ on, schema, name, owner: role })
    expect((await introspect(target.db)).owners).toEqual([
      owned('composite type', 'c'),
      owned('domain', 'd'),
      owned('enum', 'e'),
      owned('function', 'f(integer)'),
      owned('materialized view', 'm'),
      owned('procedure', 'p()'),
      owned('schema', 'kept'),
      owned('sequence', 's'),
      owned('table', 't'),
      owned('view', 'v'),
    ])
    // The roles that apply migrations are the ones whose objects need no entry.
    expect((await introspect(target.db, { migrationRoles: [role] })).owners).toBeUndefined()
    const { owners } = await introspect(target.db, { migrationRoles: ['someone_else'] })
    expect(owners?.map((o) => o.owner)).toEqual([...Array(10)].map(() => role))
  })
})
