/**
 * pull, generate and migrate over the options a relation or column is created with beyond its
 * shape: column collations, table and index storage parameters (the TOAST table's too), UNLOGGED,
 * REPLICA IDENTITY, view options and materialized view storage parameters. The migrated catalog (read straight from pg_catalog) equals the
 * source, and a second generate is empty.
 */
import { expect, it } from 'vitest'
import { resetDatabase } from '../diff/support.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { pullGenerateMigrate } from '../support/pull-round-trip.js'

const SOURCE = [
  'create schema app',
  `create table app.users (id integer primary key, name text collate "C", code varchar(10) collate "POSIX",
    tags text[] collate "C", plain text) with (fillfactor = 70, autovacuum_enabled = off,
    toast.autovacuum_enabled = false, autovacuum_vacuum_scale_factor = 0.05)`,
  'create unique index users_code on app.users (code)',
  'create index users_name on app.users (name) with (deduplicate_items = off, fillfactor = 60)',
  'alter table app.users alter column code set not null',
  'alter table app.users replica identity using index users_code',
  'create unlogged table app.cache (key text primary key, value jsonb)',
  'alter table app.cache replica identity full',
  'create table app.quiet (id integer)',
  'alter table app.quiet replica identity nothing',
  'create view app.user_names with (security_invoker = true) as select id, name from app.users with local check option',
  'create view app.user_codes with (security_barrier) as select id, code from app.users',
  'create materialized view app.name_counts with (fillfactor = 80) as select name, count(*) as n from app.users group by name',
]

describeEachSchemaTarget('pull round trip of options', (target) => {
  it('rebuilds every option of the source database, and generates nothing more', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, SOURCE)
    const { source, before, after } = await pullGenerateMigrate(target)
    expect(source).toContain(`name: text().collate('C')`)
    expect(source).toContain(`replicaIdentity({ index: 'users_code' })`)
    expect(source).toContain(`.with({ deduplicate_items: 'off', fillfactor: 60 })`)
    expect(source).toContain(`{ checkOption: 'local', securityInvoker: true }`)
    expect(Object.keys(before.options)).toHaveLength(9)
    expect(after).toEqual(before)
  })
})
