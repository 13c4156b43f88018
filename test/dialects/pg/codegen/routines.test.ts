/**
 * pull → generate → migrate with extensions, functions, procedures and triggers written by hand in
 * SQL, the way an application's own migrations create them: the pulled module holds each one, a
 * migration generated from it rebuilds a catalog equal to the source object for object (read
 * straight from pg_catalog), and generating again finds nothing to do.
 */
import { expect, it } from 'vitest'
import { resetDatabase } from '../../../diff/support.js'
import { applyStatements } from '../../../support/catalog.js'
import { describeEachSchemaTarget } from '../../../support/databases.js'
import { pullGenerateMigrate } from '../../../support/pull-round-trip.js'
import { biomeFormat } from './support.js'

const SOURCE = [
  'create extension pgcrypto',
  'create schema util',
  `create table users (id integer primary key, email text not null, name text,
    token text not null default encode(gen_random_bytes(8), 'hex'), updated_at timestamptz)`,
  'create table audit (id integer generated always as identity primary key, note text not null)',
  'create view active_users as select id, email from users',
  // A body with what a template literal must escape: a backtick, ${ and a backslash.
  `create function touch() returns trigger language plpgsql as $fn$
begin
  -- a \`tick\`, \${not interpolated} and E'\\n'
  new.updated_at := now();
  return new;
end
$fn$`,
  `comment on function touch() is 'Sets updated_at'`,
  `create function note() returns trigger language plpgsql as $$ begin insert into audit (note) values (tg_argv[0] || ':' || tg_op); return null; end $$`,
  `create function add(a int, b int) returns int language sql immutable as 'select a + b'`,
  `create function add(a numeric, b numeric default 1) returns numeric language sql immutable strict as 'select a + b'`,
  `create function util.slug(t text) returns text language sql immutable return lower(t)`,
  `create function user_count() returns bigint language sql stable security definer set search_path = '' as 'select count(*) from public.users'`,
  `create procedure archive(days integer) language plpgsql as $$ begin delete from audit where id < days; end $$`,
  `create function view_insert() returns trigger language plpgsql as $$ begin insert into users (id, email) values (new.id, new.email); return new; end $$`,
  `create trigger users_touch before update of email, name on users for each row
    when (old.email is distinct from new.email) execute function touch()`,
  `comment on trigger users_touch on users is 'Keeps updated_at'`,
  `create trigger users_note after insert on users referencing new table as inserted for each statement execute function note('it''s')`,
  'alter table users disable trigger users_note',
  `create constraint trigger users_check after insert on users deferrable initially deferred for each row execute function note('deferred')`,
  'create trigger active_users_insert instead of insert on active_users for each row execute function view_insert()',
]

describeEachSchemaTarget('routines and triggers through pull', (target) => {
  it('writes them as code that a generated migration builds again, exactly', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, SOURCE)
    const { source, before, after } = await pullGenerateMigrate(target)
    expect(after).toEqual(before)
    expect(biomeFormat(source)).toBe(source)
    expect(source).toContain("export const pgcrypto = extension('pgcrypto')")
    expect(source).toContain('export const touch = pgFunction(')
    expect(source).toContain("{ comment: 'Sets updated_at' }")
    expect(source).toContain('export const archive = procedure(')
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the escaped text the module must hold
    expect(source).toContain('-- a \\`tick\\`, \\${not interpolated}')
    expect(source).toContain(`export const usersTouch = trigger('users_touch', users, {
  timing: 'before',
  events: ['update'],
  updateOf: [users.email, users.name],
  forEach: 'row',
  when: sql\`(old.email IS DISTINCT FROM new.email)\`,
  execute: touch,
  comment: 'Keeps updated_at',
})`)
    expect(source).toContain(`arguments: ["it's"]`)
    expect(source).toContain('enabled: false')
    expect(source).toContain('referencing: { newTable: ')
    // A constraint trigger is written as its statement.
    expect(source).toContain(
      'export const usersCheck = trigger(\n  users,\n  sql`CREATE CONSTRAINT TRIGGER users_check',
    )
  })
})
