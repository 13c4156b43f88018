/**
 * The whole round trip on a schema with one of every object Tidemark declares: an extension, a
 * domain used by a column and by a function, a composite type, an enum, overloaded functions, a
 * procedure, a trigger with WHEN and UPDATE OF, restrictive and permissive policies for several
 * roles, a partitioned table with three partitions, a view and comments. pull writes it as code, a
 * migration generated from that code builds an empty database whose catalog (read straight from
 * pg_catalog) equals the source object for object, and a second generate is empty.
 */
import { expect, it } from 'vitest'
import { resetDatabase } from '../diff/support.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { pullGenerateMigrate } from '../support/pull-round-trip.js'

// Roles are cluster-wide: created when missing, and kept (other runs may use them at the same time).
const ROLES = ['tidemark_ks_reader', 'tidemark_ks_writer'].map(
  (role) =>
    `do $$ begin if not exists (select from pg_roles where rolname = '${role}') then create role ${role} nologin; end if; end $$`,
)

const SOURCE = [
  'create extension citext',
  'create schema app',
  `create type app.mood as enum ('ok', 'sad')`,
  `create domain app.email as citext constraint email_has_at check (value ~ '@')`,
  'create type app.address as (street text, zip varchar(10))',
  `create function app.valid_email(e app.email) returns boolean language sql immutable as 'select position(''@'' in e) > 1'`,
  `create function app.add(a int, b int) returns int language sql immutable as 'select a + b'`,
  `create function app.add(a numeric, b numeric) returns numeric language sql immutable as 'select a + b'`,
  `create function app.touch() returns trigger language plpgsql as $$ begin new.updated_at := now(); return new; end $$`,
  `comment on function app.touch() is 'Sets updated_at'`,
  `create table app.users (id integer primary key, email app.email not null, home app.address,
    mood app.mood default 'ok', name text, updated_at timestamptz)`,
  `comment on table app.users is 'People who sign in'`,
  `create trigger users_touch before update of email, name on app.users for each row
    when (old.* is distinct from new.*) execute function app.touch()`,
  'alter table app.users enable row level security',
  'create policy users_read on app.users for select to tidemark_ks_reader, tidemark_ks_writer using (true)',
  `create policy users_write on app.users as restrictive for update to tidemark_ks_writer
    using (id > 0) with check (app.valid_email(email))`,
  `create table app.events (id bigint not null, created_at timestamptz not null, payload jsonb,
    primary key (id, created_at)) partition by range (created_at)`,
  `create table app.events_2025 partition of app.events for values from ('2025-01-01') to ('2026-01-01')`,
  `create table app.events_2026 partition of app.events for values from ('2026-01-01') to ('2027-01-01')`,
  'create table app.events_rest partition of app.events default',
  `create procedure app.purge(days integer) language plpgsql as $$
    begin delete from app.events where created_at < now() - make_interval(days => days); end $$`,
  'create view app.user_emails as select id, email from app.users',
]

describeEachSchemaTarget('the catalog round trip: pull, generate, migrate', (target) => {
  it('rebuilds every object of the source database, and generates nothing more', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, [...ROLES, ...SOURCE])
    const { before, after } = await pullGenerateMigrate(target)
    expect(Object.keys(before.routines)).toHaveLength(5)
    expect(Object.keys(before.partitions)).toHaveLength(4)
    expect(after).toEqual(before)
  })
})
