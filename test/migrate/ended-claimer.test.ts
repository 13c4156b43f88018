/**
 * A runner killed in the middle of a no-transaction migration (server only: it takes a second
 * process and a backend to terminate). The next deploy must say at once what happened and what to
 * do, instead of waiting ten minutes for a claim that can never finish.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromNodePostgres } from '../../src/drivers/node-postgres.js'
import { MigrationHistoryError, migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { createScratchDatabase, serverUrl } from '../support/databases.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'

const script = fileURLToPath(new URL('./support/run-migrate.ts', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))
const tsx = import.meta.resolve('tsx')
const M1 = '20261201000000_slow_index'

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe.runIf(serverUrl !== undefined)('a no-transaction migration whose runner was killed [server]', () => {
  let scratch: { url: string; drop: () => Promise<void> }
  let pool: pg.Pool
  let dir: TempDir
  let child: ChildProcess | undefined

  beforeAll(async () => {
    scratch = await createScratchDatabase()
    pool = new pg.Pool({ connectionString: scratch.url, max: 2 })
    dir = await makeTempDir()
    await dir.add(M1, {
      up: '-- tidemark:no-transaction\ncreate table items (id int);\nselect pg_sleep(600);\ncreate index concurrently on items (id);',
    })
  })

  afterAll(async () => {
    child?.kill('SIGKILL')
    await dir?.remove()
    await pool?.end()
    await scratch?.drop()
  })

  it('is reported at once by the next run, with the way to clear its claim', async () => {
    const running = spawn(process.execPath, ['--import', tsx, script, scratch.url, dir.path], { cwd: root })
    child = running
    const exited = new Promise((resolve) => running.once('exit', resolve))
    const query = async (text: string, params: unknown[] = []) => (await pool.query(text, params)).rows
    // The runner has claimed the migration and its session is in the middle of the sleep.
    const pid = await until(async () => {
      // The journal does not exist until the runner has created it.
      const claim = await query(
        'select claimer_pid as pid from tidemark_migrations where claimer_pid is not null',
      ).catch(() => [])
      const found = claim[0]?.pid as number | undefined
      if (found === undefined) return undefined
      const busy = await query(
        `select 1 from pg_stat_activity where pid = $1 and query like 'select pg_sleep%'`,
        [found],
      )
      return busy.length > 0 ? found : undefined
    })

    // The deploy is killed; its statement goes on until the server notices, so end it too.
    running.kill('SIGKILL')
    await exited
    await query('select pg_terminate_backend($1)', [pid])
    await until(async () =>
      (await query('select 1 from pg_stat_activity where pid = $1', [pid])).length === 0 ? true : undefined,
    )

    const db = fromNodePostgres(pool)
    // Without the check this waits the default 10 minutes, far beyond the test's timeout.
    const error = await migrate(db, await readMigrationFolder(dir.path)).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MigrationHistoryError)
    const message = (error as Error).message
    expect(message).toContain(`its database session (pid ${pid}) ended before the migration finished`)
    expect(message).toContain(`Check which statements of ${join(dir.path, M1, 'up.sql')} took effect`)
    expect(message).toContain(`delete from "public"."tidemark_migrations" where name = '${M1}'`)
    expect(await query('select name from tidemark_migrations')).toEqual([{ name: M1 }])
  })
})
