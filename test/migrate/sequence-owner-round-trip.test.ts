/**
 * pull, generate and migrate over sequences OWNED BY a column: one in a schema of its own with its
 * table, one with every option set, a serial column's sequence altered after the fact, and a
 * sequence of one schema feeding a column in another (PostgreSQL refuses OWNED BY across schemas:
 * such a sequence is never owned). The
 * migrated catalog (read straight from pg_catalog: options and owner included) equals the source,
 * and a second generate is empty.
 */
import { expect, it } from 'vitest'
import { resetDatabase } from '../diff/support.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { pullGenerateMigrate } from '../support/pull-round-trip.js'

const SOURCE = [
  'create schema ledger',
  'create schema ids',
  'create table ledger.entries (id bigint not null, line integer, note text)',
  'create sequence ledger.entry_ids owned by ledger.entries.id',
  `alter table ledger.entries alter column id set default nextval('ledger.entry_ids')`,
  'create sequence ids.lines start 7',
  `alter table ledger.entries alter column line set default nextval('ids.lines')`,
  'create table tickets (no integer not null)',
  `create sequence ticket_numbers as integer start 1000 increment 5 minvalue 10 maxvalue 900000
    cache 20 cycle owned by tickets.no`,
  `alter table tickets alter column no set default nextval('ticket_numbers')`,
  'create table items (id serial primary key, name text)',
  'alter sequence items_id_seq increment 10',
]

describeEachSchemaTarget('pull round trip of sequences owned by a column', (target) => {
  it('rebuilds each sequence with its options and owner, and generates nothing more', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, SOURCE)
    const { source, before, after } = await pullGenerateMigrate(target)
    expect(source).toContain('ownedBy: () => tickets.no')
    expect(source).toContain('ownedBy: () => entries.id')
    expect(source).toContain('ownedBy: () => items.id')
    expect(Object.keys(before.sequences).sort()).toEqual([
      'ids.lines',
      'ledger.entry_ids',
      'public.items_id_seq',
      'public.ticket_numbers',
    ])
    expect(after).toEqual(before)
  })
})
