/**
 * The journal records down.sql's checksum beside up.sql's, so an edited down.sql of an applied
 * migration is caught before `migrate down` runs it; journals written before it did still verify,
 * and `migrate` upgrades them in a way earlier versions keep working with.
 */
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  MigrationHistoryError,
  migrate,
  migrateDown,
  readJournal,
  readMigrationFolder,
} from '../../src/migrate/index.js'
import { sql } from '../../src/sql/sql.js'
import { describeEachDatabase } from '../support/databases.js'
import { resetDatabase } from './support/journal.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const M1 = '20261125101500_create_users'
const M2 = '20261126090000_add_posts'
const up1 = 'create table users (id int primary key);\n'
const down1 = 'drop table users;\n'
const up2 = 'create table posts (id int primary key);\n'
const down2 = 'drop table posts;\n'

describeEachDatabase('journal down.sql checksums', (target) => {
  let dir: TempDir
  beforeEach(async () => {
    dir = await makeTempDir()
    await dir.add(M1, { up: up1, down: down1 })
    await dir.add(M2, { up: up2, down: down2 })
  })
  afterEach(async () => {
    await dir.remove()
    await resetDatabase(target.db)
  })
  const folder = () => readMigrationFolder(dir.path)
  const downChecksums = async () =>
    (await readJournal(target.db)).map((row) => [row.name, row.downChecksum] as const)
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    )

  it('records down.sql, and refuses an applied migration whose down.sql changed until it is accepted', async () => {
    await migrate(target.db, await folder())
    expect(await downChecksums()).toEqual([
      [M1, sha256(down1)],
      [M2, sha256(down2)],
    ])
    await writeFile(join(dir.path, M2, 'down.sql'), 'drop table posts cascade;\n')

    const stale = await folder()
    for (const attempt of [() => migrate(target.db, stale), () => migrateDown(target.db, stale)]) {
      const error = await failure(attempt())
      expect(error).toBeInstanceOf(MigrationHistoryError)
      expect((error as Error).message).toContain(
        `migration ${M2} was edited after it was applied: its down.sql no longer matches`,
      )
    }
    expect((await readJournal(target.db)).map((row) => row.name)).toEqual([M1, M2])

    await migrate(target.db, await folder(), { acceptEdited: [M2] })
    expect((await downChecksums())[1]).toEqual([M2, sha256('drop table posts cascade;\n')])
    expect((await migrateDown(target.db, await folder())).reverted.map((r) => r.name)).toEqual([M2])
  })

  it('reads a journal an earlier version wrote, and upgrades it without breaking that version', async () => {
    // The journal as versions that hashed only up.sql created it, with M1 applied.
    await target.db.execute(sql`
      create table tidemark_migrations (
        name text collate "C" primary key,
        checksum text not null,
        applied_at timestamptz,
        duration_ms integer,
        started_at timestamptz not null default clock_timestamp()
      )`)
    await target.db.execute(sql`create table users (id int primary key)`)
    await target.db.execute(
      sql`insert into tidemark_migrations (name, checksum, applied_at) values (${M1}, ${sha256(up1)}, now())`,
    )
    // Reading changes nothing, and an up-only row verifies whatever its down.sql is.
    await writeFile(join(dir.path, M1, 'down.sql'), 'drop table users cascade;\n')
    expect(await downChecksums()).toEqual([[M1, null]])

    const result = await migrate(target.db, await folder())
    expect(result.applied.map((a) => a.name)).toEqual([M2])
    // Who applied M1 is not known (check takes the journal's owner for it); M2 records this role.
    const { rows } = await target.db.execute<{ role: string }>(sql`select current_user::text as role`)
    expect((await readJournal(target.db)).map((row) => row.appliedBy)).toEqual([null, rows[0]!.role])
    // The upgrade recorded M1's down.sql as it is now: from here on, editing it is caught.
    expect(await downChecksums()).toEqual([
      [M1, sha256('drop table users cascade;\n')],
      [M2, sha256(down2)],
    ])
    await writeFile(join(dir.path, M1, 'down.sql'), down1)
    expect(await failure(migrate(target.db, await folder()))).toBeInstanceOf(MigrationHistoryError)

    // An earlier version names its columns: its inserts still work on the upgraded journal.
    await target.db.execute(
      sql`insert into tidemark_migrations (name, checksum, applied_at) values ('20261127000000_old', ${sha256('x')}, now())`,
    )
    expect((await readJournal(target.db)).at(-1)).toMatchObject({
      name: '20261127000000_old',
      downChecksum: null,
    })
  })
})
