import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  MigrationError,
  MigrationHistoryError,
  migrate,
  migrateDown,
  readMigrationFolder,
} from '../../src/migrate/index.js'
import { sql } from '../../src/sql/sql.js'
import { readCatalog } from '../support/catalog.js'
import { describeEachDatabase } from '../support/databases.js'
import { journalRows, resetDatabase } from './support/journal.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'

const M1 = '20261125101500_create_users'
const M2 = '20261126090000_add_posts'
const M3 = '20261127120000_index_posts'
const M4 = '20261128080000_status_enum'

describeEachDatabase('migrateDown', (target) => {
  let dir: TempDir
  beforeEach(async () => {
    dir = await makeTempDir()
    await dir.add(M1, {
      up: 'create table users (id int primary key, email text not null unique);',
      down: 'drop table users;',
    })
    await dir.add(M2, {
      up: "create table posts (id serial primary key, user_id int not null references users on delete cascade);\nalter table users add column name text default '';",
      down: 'alter table users drop column name;\ndrop table posts;',
    })
    await dir.add(M3, {
      up: '-- tidemark:no-transaction\ncreate index concurrently posts_user on posts (user_id);',
      down: '-- tidemark:no-transaction\ndrop index concurrently posts_user;',
    })
    await dir.add(M4, {
      up: "create type status as enum ('draft', 'live');\nalter table posts add column status status not null default 'draft';",
      down: 'alter table posts drop column status;\ndrop type status;',
    })
  })
  afterEach(async () => {
    await dir.remove()
    await resetDatabase(target.db)
  })

  const folder = () => readMigrationFolder(dir.path)
  const upTo = async (count: number) => {
    const all = await folder()
    await migrate(target.db, { ...all, migrations: all.migrations.slice(0, count) })
  }
  const applied = async () => (await journalRows(target.db)).map((r) => r.name)

  it('undoes the latest migration by default, then n steps, restoring the catalog exactly', async () => {
    await upTo(1)
    const afterM1 = await readCatalog(target.db)
    await upTo(3)
    const afterM3 = await readCatalog(target.db)
    await migrate(target.db, await folder())
    expect((await readCatalog(target.db)).enums['public.status']).toEqual(['draft', 'live'])

    const one = await migrateDown(target.db, await folder())
    expect(one.reverted.map((r) => r.name)).toEqual([M4])
    expect(await readCatalog(target.db)).toEqual(afterM3)
    expect(await applied()).toEqual([M1, M2, M3])

    const two = await migrateDown(target.db, await folder(), { steps: 2 })
    expect(two.reverted.map((r) => r.name)).toEqual([M3, M2])
    expect(await readCatalog(target.db)).toEqual(afterM1)
    expect(await applied()).toEqual([M1])
  })

  it('undoes every migration after `to`, keeping `to` applied', async () => {
    await upTo(2)
    const afterM2 = await readCatalog(target.db)
    await migrate(target.db, await folder())
    const result = await migrateDown(target.db, await folder(), { to: M2 })
    expect(result.reverted.map((r) => r.name)).toEqual([M4, M3])
    expect(await readCatalog(target.db)).toEqual(afterM2)
    expect(await applied()).toEqual([M1, M2])
    // Migrating up again replays what was undone.
    expect((await migrate(target.db, await folder())).applied.map((a) => a.name)).toEqual([M3, M4])
  })

  it('refuses, before undoing anything, a migration without down.sql', async () => {
    await migrate(target.db, await folder())
    const before = await readCatalog(target.db)
    await rm(join(dir.path, M3, 'down.sql'))
    const error = await migrateDown(target.db, await folder(), { steps: 3 }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(MigrationHistoryError)
    expect((error as MigrationHistoryError).migrations).toEqual([M3])
    expect((error as Error).message).toContain(`migration ${M3} has no down.sql`)
    expect(await readCatalog(target.db)).toEqual(before)
    expect(await applied()).toEqual([M1, M2, M3, M4])
  })

  it('refuses a `to` that is not applied, and an edited applied migration', async () => {
    await upTo(2)
    await expect(migrateDown(target.db, await folder(), { to: M3 })).rejects.toThrow(
      /not an applied migration/,
    )
    await dir.add(M1, { up: 'create table users (id bigint primary key);', down: 'drop table users;' })
    await expect(migrateDown(target.db, await folder())).rejects.toThrow(`migration ${M1} was edited`)
    expect(await applied()).toEqual([M1, M2])
  })

  it('rolls back a failing down.sql with its journal row left in place', async () => {
    await migrate(target.db, await folder())
    const before = await readCatalog(target.db)
    await dir.add(M4, {
      up: (await folder()).migrations[3]!.up,
      down: 'alter table posts drop column status;\ndrop type no_such_type;',
    })
    // The down.sql changed since M4 was applied: accepted, as a fixed down.sql would be.
    const error = await migrateDown(target.db, await folder(), { acceptEdited: [M4] }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(MigrationError)
    expect((error as MigrationError).file).toBe(join(dir.path, M4, 'down.sql'))
    expect((error as MigrationError).line).toBe(2)
    expect(await readCatalog(target.db)).toEqual(before)
    expect(await applied()).toEqual([M1, M2, M3, M4])
  })

  it('says at once that an unfinished migration whose session has ended will never finish', async () => {
    await upTo(2)
    // Its runner's session has ended: the pid now belongs to another session (this one).
    await target.db.execute(sql`
      update tidemark_migrations set applied_at = null, claimer_pid = pg_backend_pid(),
        claimer_started_at = '2000-01-01T00:00:00Z'
      where name = ${M2}`)
    await expect(migrateDown(target.db, await folder())).rejects.toThrow(
      new RegExp(`^migration ${M2} was claimed at .* by a runner that is gone`),
    )
    await target.db.execute(sql`update tidemark_migrations set claimer_pid = null where name = ${M2}`)
    await expect(migrateDown(target.db, await folder())).rejects.toThrow(`migration ${M2} is unfinished`)
  })

  it('restores the journal row when a no-transaction down.sql fails, listing what stayed undone', async () => {
    await upTo(3)
    await dir.add(M3, {
      up: (await folder()).migrations[2]!.up,
      down: '-- tidemark:no-transaction\ndrop index concurrently posts_user;\ndrop index concurrently no_such_index;',
    })
    const error = await migrateDown(target.db, await folder(), { acceptEdited: [M3] }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(MigrationError)
    expect((error as MigrationError).notRolledBack).toEqual(['drop index concurrently posts_user'])
    expect((await journalRows(target.db)).map((r) => [r.name, r.applied])).toEqual([
      [M1, true],
      [M2, true],
      [M3, true],
    ])
    expect((await readCatalog(target.db)).indexes['public.posts']?.posts_user).toBeUndefined()
  })
})
