import { describe, expect, it } from 'vitest'
import { downChecksum, type MigrationFile, migrationStatus, upChecksum } from '../../src/migrate/index.js'

const file = (name: string, up = `-- ${name}\nselect 1;`): MigrationFile => ({
  name,
  up,
  down: null,
  upNoTransaction: false,
  downNoTransaction: false,
  checksum: upChecksum(up),
  downChecksum: downChecksum(null),
})
const row = (
  migration: MigrationFile,
  appliedAt: Date | null = new Date(),
  checksum = migration.checksum,
) => ({
  name: migration.name,
  checksum,
  appliedAt,
})

describe('migrationStatus', () => {
  const a = file('20261101000000_a')
  const b = file('20261102000000_b')
  const c = file('20261103000000_c')
  const d = file('20261104000000_d')

  it('splits the folder into applied and pending', () => {
    expect(migrationStatus([row(a)], { migrations: [a, b, c] })).toEqual({
      applied: [a.name],
      pending: [b.name, c.name],
      edited: [],
      missing: [],
      outOfOrder: [],
      unfinished: [],
    })
  })

  it('finds edited, missing, out-of-order and unfinished migrations', () => {
    const rows = [row(a, new Date(), upChecksum('the old text')), row(c, null), row(d)]
    expect(migrationStatus(rows, { migrations: [a, b, c] })).toEqual({
      applied: [a.name, d.name],
      pending: [b.name],
      edited: [a.name],
      missing: [d.name],
      outOfOrder: [b.name],
      unfinished: [c.name],
    })
  })

  it('finds an edited down.sql where the journal recorded one, and still verifies rows that did not', () => {
    const withDown = { ...a, down: 'drop table a;', downChecksum: downChecksum('drop table a;') }
    const recorded = { ...row(withDown), downChecksum: withDown.downChecksum }
    const edited = {
      ...withDown,
      down: 'drop table a cascade;',
      downChecksum: downChecksum('drop table a cascade;'),
    }
    expect(migrationStatus([recorded], { migrations: [withDown] }).edited).toEqual([])
    expect(migrationStatus([recorded], { migrations: [edited] }).edited).toEqual([a.name])
    // Added since: not reviewed with the up.sql that ran. Deleted: nothing can run it.
    const added = { ...recorded, downChecksum: downChecksum(null) }
    expect(migrationStatus([added], { migrations: [withDown] }).edited).toEqual([a.name])
    const deleted = { ...withDown, down: null, downChecksum: downChecksum(null) }
    expect(migrationStatus([recorded], { migrations: [deleted] }).edited).toEqual([])
    // A row from before the journal recorded down.sql: its up.sql alone verifies it.
    expect(migrationStatus([{ ...recorded, downChecksum: null }], { migrations: [edited] }).edited).toEqual(
      [],
    )
    expect(migrationStatus([row(a)], { migrations: [edited] }).edited).toEqual([])
  })

  it('is empty for an empty journal and folder', () => {
    expect(migrationStatus([], { migrations: [] })).toEqual({
      applied: [],
      pending: [],
      edited: [],
      missing: [],
      outOfOrder: [],
      unfinished: [],
    })
  })
})
