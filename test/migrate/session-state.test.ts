/**
 * A no-transaction migration leaves the session it ran on as it found it: behind a transaction
 * pooler that session is a server connection other clients use next.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { QueryEvent } from '../../src/database/database.js'
import { MigrationError, migrate, migrateDown, readMigrationFolder } from '../../src/migrate/index.js'
import { sql } from '../../src/sql/sql.js'
import { targetNames } from '../support/databases.js'
import { journalRows, resetDatabase } from './support/journal.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'
import { openSingleConnection, type SingleConnection } from './support/single-connection.js'

const M1 = '20261201000000_items'
const M2 = '20261201000100_items_index'
const M3 = '20261201000200_failing'

for (const targetName of targetNames) {
  describe(`no-transaction migrations and session settings [${targetName}]`, () => {
    let connection: SingleConnection
    const queries: QueryEvent[] = []
    let dir: TempDir
    beforeAll(async () => {
      connection = await openSingleConnection(targetName, { logger: (event) => queries.push(event) })
    })
    afterAll(() => connection.close())
    beforeEach(async () => {
      dir = await makeTempDir()
      // The application's own session setting, which no migration may change.
      await connection.db.execute(sql`set lock_timeout = '7s'`)
      queries.length = 0
    })
    afterEach(async () => {
      await dir.remove()
      await resetDatabase(connection.db)
    })

    const db = () => connection.db
    const sessionLockTimeout = async () =>
      (await db().execute<{ value: string }>(sql`select current_setting('lock_timeout') as value`)).rows[0]!
        .value
    /** Every lock_timeout Tidemark set was SET LOCAL: a session-level SET could outlive its statement. */
    const sessionLevelSets = () =>
      queries.filter((q) =>
        /set_config\('lock_timeout', \$1, false\)|^\s*(set|reset)\s+lock_timeout/i.test(q.sql),
      )

    it('applies statements under lock_timeout, and leaves the session setting as it was', async () => {
      await dir.add(M1, { up: 'create table items (id int, lock_timeout text);' })
      await dir.add(M2, {
        up: [
          '-- tidemark:no-transaction',
          "insert into items values (1, current_setting('lock_timeout'));",
          'create index concurrently items_id on items (id);',
          'begin;',
          "insert into items values (2, current_setting('lock_timeout'));",
          "insert into items values (3, current_setting('lock_timeout'));",
          'commit;',
          "insert into items values (4, current_setting('lock_timeout'));",
        ].join('\n'),
        down: '-- tidemark:no-transaction\ndrop index concurrently items_id;\ndelete from items where id > 1;',
      })
      const result = await migrate(db(), await readMigrationFolder(dir.path), { lockTimeout: '1234ms' })
      expect(result.applied.map((a) => a.name)).toEqual([M1, M2])
      const { rows } = await db().execute<{ id: number; lock_timeout: string }>(
        sql`select id, lock_timeout from items order by id`,
      )
      expect(rows).toEqual([1, 2, 3, 4].map((id) => ({ id, lock_timeout: '1234ms' })))
      const index = await db().execute<{ valid: boolean }>(
        sql`select indisvalid as valid from pg_index where indexrelid = 'items_id'::regclass`,
      )
      expect(index.rows).toEqual([{ valid: true }])
      expect(await sessionLockTimeout()).toBe('7s')

      await migrateDown(db(), await readMigrationFolder(dir.path), { lockTimeout: '1234ms' })
      expect(await sessionLockTimeout()).toBe('7s')
      expect(sessionLevelSets()).toEqual([])
    })

    it('leaves the session setting as it was when a statement fails', async () => {
      await dir.add(M1, { up: 'create table items (id int);' })
      await dir.add(M3, {
        up: '-- tidemark:no-transaction\ninsert into items values (1);\ninsert into missing values (1);',
      })
      const error = await migrate(db(), await readMigrationFolder(dir.path), { lockTimeout: '1234ms' }).catch(
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(MigrationError)
      expect((error as MigrationError).notRolledBack).toEqual(['insert into items values (1)'])
      expect(await sessionLockTimeout()).toBe('7s')
      expect((await journalRows(db())).map((r) => r.name)).toEqual([M1])
      expect(sessionLevelSets()).toEqual([])
    })
  })
}
