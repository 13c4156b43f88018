/**
 * pull, generate and migrate over the options a relation or column is created with beyond its
 * shape: column collations, table and index storage parameters (the TOAST table's too), UNLOGGED,
 * REPLICA IDENTITY, view options, materialized view storage parameters and indexes. The migrated catalog (read straight from pg_catalog) equals the
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
  // Indexes on a materialized view, with the options a table's index has.
  'create unique index name_counts_name_idx on app.name_counts (name)',
  'create index name_counts_n on app.name_counts (n desc nulls last) include (name) where n > 1',
  'create index name_counts_lower on app.name_counts using hash (lower(name collate "C"))',
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
    expect(source).toContain(`uniqueIndex().on(sql.identifier('name'))`)
    expect(source).toContain(`.on(desc(sql.identifier('n')).nullsLast())`)
    expect(Object.keys(before.indexes['app.name_counts'] ?? {})).toHaveLength(3)
    expect(Object.keys(before.options)).toHaveLength(9)
    expect(after).toEqual(before)
  })
})
