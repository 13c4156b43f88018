/**
 * pull → generate → migrate with grants made by hand: the pulled module declares them (a routine
 * whose EXECUTE was revoked from PUBLIC says so), and the migrated database holds the same
 * privileges as the source, read straight from the catalogs' ACLs (the owner's included).
 */
import { sql } from 'tidemark'
import { expect, it } from 'vitest'
import type { Database } from '../../../../src/database/database.js'
import { resetDatabase } from '../../../diff/support.js'
import { applyStatements } from '../../../support/catalog.js'
import { describeEachSchemaTarget } from '../../../support/databases.js'
import { pullGenerateMigrate } from '../../../support/pull-round-trip.js'

// Predefined roles exist on every server: nothing to create, nothing left behind.
const SOURCE = [
  'create schema api',
  'create table api.notes (id integer primary key, body text, owner text)',
  'create sequence api.counter',
  'create view api.recent as select id, body from api.notes',
  `create function api.secret(n integer) returns integer language sql as 'select n'`,
  `create function api.open() returns integer language sql as 'select 1'`,
  'grant usage on schema api to pg_monitor, pg_read_all_stats',
  'grant select, insert on api.notes to pg_monitor, public',
  'grant update (body, owner) on api.notes to pg_read_all_stats',
  'grant select on api.recent to pg_monitor with grant option',
  'grant usage, select on sequence api.counter to pg_monitor',
  'revoke execute on function api.secret(integer) from public',
  'grant execute on function api.secret(integer) to pg_monitor',
]

/** Every privilege on the objects of schema `api`, the owner's and PostgreSQL's defaults included. */
async function privileges(db: Database): Promise<string[]> {
  const { rows } = await db.execute<{ line: string }>(sql`
    select format('%s %s %s %s %s', kind, name, coalesce(g.rolname, 'PUBLIC'), a.privilege_type, a.is_grantable::text) as line
    from (
      select 'schema' as kind, n.nspname::text as name, coalesce(n.nspacl, acldefault('n', n.nspowner)) as acl
        from pg_namespace n where n.nspname = 'api'
      union all
      select 'relation', c.relname::text, coalesce(c.relacl, acldefault(case when c.relkind = 'S' then 's' else 'r' end::"char", c.relowner))
        from pg_class c where c.relnamespace = 'api'::regnamespace and c.relkind in ('r', 'v', 'S')
      union all
      select 'column', c.relname || '.' || t.attname, t.attacl
        from pg_attribute t join pg_class c on c.oid = t.attrelid
        where c.relnamespace = 'api'::regnamespace and t.attacl is not null
      union all
      select 'routine', p.oid::regprocedure::text, coalesce(p.proacl, acldefault('f', p.proowner))
        from pg_proc p where p.pronamespace = 'api'::regnamespace
    ) o, aclexplode(o.acl) a left join pg_roles g on g.oid = a.grantee
    order by 1`)
  return rows.map((r) => r.line)
}

describeEachSchemaTarget('grants through pull', (target) => {
  it('writes them as code that a generated migration grants again, exactly', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, SOURCE)
    const before = await privileges(target.db)
    expect(before).toContain('column notes.body pg_read_all_stats UPDATE false')
    const { source } = await pullGenerateMigrate(target)
    expect(source).toContain('publicExecute: false')
    expect(source).toContain(
      "grant(notes, { to: ['pg_monitor', 'public'], privileges: ['SELECT', 'INSERT'] })",
    )
    expect(source).toContain(
      "grant(notes, { to: 'pg_read_all_stats', privileges: ['UPDATE'], columns: [notes.body, notes.owner] })",
    )
    expect(source).toContain(
      "grant(recent, { to: 'pg_monitor', privileges: ['SELECT'], withGrantOption: true })",
    )
    expect(await privileges(target.db)).toEqual(before)
    // Two generates and a migrate: slow on a busy machine.
  }, 300_000)
})
