/**
 * pull, generate and migrate over the options a relation or column is created with beyond its
 * shape: column collations. The migrated catalog (read straight from pg_catalog) equals the
 * source, and a second generate is empty.
 */
import { expect, it } from 'vitest'
import { resetDatabase } from '../diff/support.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachDatabase } from '../support/databases.js'
import { pullGenerateMigrate } from '../support/pull-round-trip.js'

const SOURCE = [
  'create schema app',
  `create table app.users (id integer primary key, name text collate "C", code varchar(10) collate "POSIX",
    tags text[] collate "C", plain text)`,
]

describeEachDatabase('pull round trip of options', (target) => {
  it('rebuilds every option of the source database, and generates nothing more', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, SOURCE)
    const { source, before, after } = await pullGenerateMigrate(target)
    expect(source).toContain(`name: text().collate('C')`)
    expect(Object.keys(before.options)).toHaveLength(3)
    expect(after).toEqual(before)
  })
})
