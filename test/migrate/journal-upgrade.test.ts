/**
 * A journal created before the runner recorded claimers gets the claimer columns; when the runner's
 * role cannot add them, the error says who must and the exact statement.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { sql } from '../../src/sql/sql.js'
import { targetNames } from '../support/databases.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'
import { openSingleConnection, type SingleConnection } from './support/single-connection.js'

const OLD_JOURNAL = `create table tidemark_migrations (
  name text collate "C" primary key, checksum text not null, applied_at timestamptz,
  duration_ms integer, started_at timestamptz not null default clock_timestamp())`

for (const targetName of targetNames) {
  describe(`a journal from before claimers were recorded [${targetName}]`, () => {
    const role = `tidemark_test_${randomBytes(6).toString('hex')}`
    let connection: SingleConnection
    let dir: TempDir
    beforeAll(async () => {
      connection = await openSingleConnection(targetName)
      dir = await makeTempDir()
      await dir.add('20261201000000_t', { up: 'create table t (id int);' })
    })
    afterAll(async () => {
      await dir.remove()
      for (const statement of [
        'reset role',
        'drop table if exists tidemark_migrations, t',
        `drop owned by ${role}`,
        `drop role if exists ${role}`,
      ])
        await connection.db.execute(sql.raw(statement))
      await connection.close()
    })

    it("names the statement its owner must run when the runner's role cannot alter it", async () => {
      const { db } = connection
      await db.execute(sql.raw(OLD_JOURNAL))
      await db.execute(sql.raw(`create role ${role}`))
      await db.execute(sql.raw(`grant select, insert, update, delete on tidemark_migrations to ${role}`))
      await db.execute(sql.raw(`set role ${role}`))
      await expect(migrate(db, await readMigrationFolder(dir.path))).rejects.toThrow(
        'The journal "public"."tidemark_migrations" needs 4 new columns, and only its owner can add them: ' +
          'have the owner run `alter table "public"."tidemark_migrations" add column if not exists down_checksum text, ' +
          'add column if not exists claimer_pid integer, ' +
          'add column if not exists claimer_started_at timestamptz, ' +
          'add column if not exists applied_by text`, then migrate again',
      )
    })
  })
}
