import { createHash } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  ensureJournal,
  type MigrateEvent,
  MigrationError,
  MigrationHistoryError,
  migrate,
  readJournal,
  readMigrationFolder,
} from '../../src/migrate/index.js'
import { sql } from '../../src/sql/sql.js'
import { readCatalog } from '../support/catalog.js'
import { describeEachDatabase } from '../support/databases.js'
import { journalRows, resetDatabase } from './support/journal.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const M1 = '20261125101500_create_users'
const M2 = '20261126090000_add_posts'
const M3 = '20261127120000_seed'

describeEachDatabase('migrate', (target) => {
  let dir: TempDir
  beforeEach(async () => {
    dir = await makeTempDir()
  })
  afterEach(async () => {
    await dir.remove()
    await resetDatabase(target.db)
  })

  const folder = () => readMigrationFolder(dir.path)
  const log = async () =>
    (await target.db.execute<{ name: string }>(sql`select name from migration_log order by id`)).rows.map(
      (r) => r.name,
    )

  async function addStandard() {
    await dir.add(M1, {
      up: `create table migration_log (id serial primary key, name text not null);\ncreate table users (id int primary key, email text);\ninsert into migration_log (name) values ('${M1}');\n`,
    })
    await dir.add(M2, {
      up: `create table posts (id int primary key, user_id int references users);\ninsert into migration_log (name) values ('${M2}');\n`,
    })
    await dir.add(M3, {
      up: `insert into users values (1, 'a@example.com');\ninsert into migration_log (name) values ('${M3}');\n`,
    })
  }

  it('applies pending migrations in order, records checksum and duration, and applies nothing the second time', async () => {
    await addStandard()
    const events: MigrateEvent[] = []
    const result = await migrate(target.db, await folder(), { onEvent: (e) => events.push(e) })

    expect(result.applied.map((a) => a.name)).toEqual([M1, M2, M3])
    expect(result.alreadyApplied).toEqual([])
    expect(await log()).toEqual([M1, M2, M3])
    const rows = await journalRows(target.db)
    expect(rows.map((r) => [r.name, r.applied])).toEqual([
      [M1, true],
      [M2, true],
      [M3, true],
    ])
    for (const [i, row] of rows.entries()) {
      const up = (await folder()).migrations[i]!.up
      expect(row.checksum).toBe(sha256(up))
      expect(Number.isInteger(row.durationMs)).toBe(true)
      expect(row.durationMs).toBe(result.applied[i]!.durationMs)
    }
    expect(events.map((e) => `${e.type} ${e.name}`)).toEqual([
      `started ${M1}`,
      `applied ${M1}`,
      `started ${M2}`,
      `applied ${M2}`,
      `started ${M3}`,
      `applied ${M3}`,
    ])

    const again = await migrate(target.db, await folder())
    expect(again).toEqual({ applied: [], alreadyApplied: [M1, M2, M3] })
    expect(await log()).toEqual([M1, M2, M3])
  })

  it('creates the journal in a schema of its own when configured', async () => {
    await dir.add(M1, { up: 'create table t (id int);' })
    const journal = { schema: 'ops', table: 'schema_history' }
    await migrate(target.db, await folder(), { journal })
    expect((await journalRows(target.db, 'ops.schema_history')).map((r) => r.name)).toEqual([M1])
    expect(await journalRows(target.db)).toEqual([])
  })

  it('creates the journal once when many runners ask at the same moment', async () => {
    const journal = { schema: 'race', table: 'journal' }
    await Promise.all(Array.from({ length: 8 }, () => ensureJournal(target.db, journal)))
    expect(await journalRows(target.db, 'race.journal')).toEqual([])
    expect(await readJournal(target.db, journal)).toEqual([])
  })

  it('reads an absent journal as empty without creating it', async () => {
    expect(await readJournal(target.db)).toEqual([])
    expect((await readCatalog(target.db)).tables['public.tidemark_migrations']).toBeUndefined()
  })

  it('runs a no-transaction migration (CREATE INDEX CONCURRENTLY) outside a transaction', async () => {
    await dir.add(M1, { up: 'create table users (id int primary key, email text);' })
    await dir.add(M2, {
      up: '-- tidemark:no-transaction\ncreate index concurrently users_email on users (email);\ninsert into users values (1, null);\n',
    })
    const result = await migrate(target.db, await folder())
    expect(result.applied.map((a) => a.name)).toEqual([M1, M2])
    const catalog = await readCatalog(target.db)
    expect(catalog.indexes['public.users']?.users_email).toBe(
      'CREATE INDEX users_email ON public.users USING btree (email)',
    )
    expect((await journalRows(target.db)).map((r) => [r.name, r.applied])).toEqual([
      [M1, true],
      [M2, true],
    ])
  })

  it('rolls back a migration that fails at its 3rd statement completely, names it, and stops', async () => {
    await addStandard()
    await migrate(target.db, { ...(await folder()), migrations: (await folder()).migrations.slice(0, 1) })
    const catalogBefore = await readCatalog(target.db)
    const journalBefore = await journalRows(target.db)

    const failing = [
      `create table posts (id int primary key);`,
      `insert into migration_log (name) values ('${M2}');`,
      '',
      '-- the typo',
      'alter table post_typo',
      '  add column title text;',
    ].join('\n')
    await writeFile(join(dir.path, M2, 'up.sql'), failing)
    const error = await migrate(target.db, await folder()).catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(MigrationError)
    const failure = error as MigrationError
    expect(failure.file).toBe(join(dir.path, M2, 'up.sql'))
    expect(failure.statementIndex).toBe(2)
    expect(failure.line).toBe(5)
    expect(failure.statement).toBe('alter table post_typo\n  add column title text')
    expect(failure.code).toBe('42P01')
    expect(failure.message).toBe(
      `${join(dir.path, M2, 'up.sql')}:5: statement 3 failed: relation "post_typo" does not exist (42P01)\n` +
        '  alter table post_typo\n    add column title text',
    )
    expect(await readCatalog(target.db)).toEqual(catalogBefore)
    expect(await journalRows(target.db)).toEqual(journalBefore)
    expect(await log()).toEqual([M1])
  })

  it('refuses an applied migration that was edited, and accepts it when told to', async () => {
    await addStandard()
    await migrate(target.db, { ...(await folder()), migrations: (await folder()).migrations.slice(0, 2) })
    const edited = `-- reformatted\n${(await folder()).migrations[0]!.up}`
    await writeFile(join(dir.path, M1, 'up.sql'), edited)

    const error = await migrate(target.db, await folder()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MigrationHistoryError)
    expect((error as MigrationHistoryError).migrations).toEqual([M1])
    expect((error as Error).message).toContain(`--accept-edited ${M1}`)
    expect(await log()).toEqual([M1, M2]) // the pending M3 was not applied either

    const result = await migrate(target.db, await folder(), { acceptEdited: [M1] })
    expect(result.applied.map((a) => a.name)).toEqual([M3])
    expect((await journalRows(target.db))[0]!.checksum).toBe(sha256(edited))
    await expect(
      migrate(target.db, await folder(), { acceptEdited: ['20990101000000_nope'] }),
    ).rejects.toThrow(/no applied migration/)
  })

  it('refuses a journal row whose migration is not in the folder', async () => {
    await addStandard()
    await migrate(target.db, await folder())
    await rm(join(dir.path, M3), { recursive: true })
    await dir.add('20261128000000_next', { up: 'create table next (id int);' })
    const error = await migrate(target.db, await folder()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MigrationHistoryError)
    expect((error as Error).message).toMatch(
      new RegExp(`${M3} is applied to the database but is not in the migrations folder`),
    )
    expect((error as Error).message).toContain('Pull the branch')
    expect((await readCatalog(target.db)).tables['public.next']).toBeUndefined()
  })

  it('refuses a pending migration that sorts before an applied one', async () => {
    await addStandard()
    await migrate(target.db, await folder())
    await dir.add('20261126000000_late_branch', { up: 'create table late (id int);' })
    const error = await migrate(target.db, await folder()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MigrationHistoryError)
    expect((error as Error).message).toContain(`20261126000000_late_branch is pending but sorts before ${M3}`)
    expect((await readCatalog(target.db)).tables['public.late']).toBeUndefined()
  })

  it('refuses, before applying anything, a pending file with a syntax error', async () => {
    await addStandard()
    await writeFile(join(dir.path, M3, 'up.sql'), 'insert into users values (1,, 2);')
    await expect(migrate(target.db, await folder())).rejects.toThrow(
      `${join(dir.path, M3, 'up.sql')}:1:29: syntax error at or near ","`,
    )
    expect(await journalRows(target.db)).toEqual([])
  })

  it('sets lock_timeout for the migration only', async () => {
    await dir.add(M1, {
      up: "create table settings as select current_setting('lock_timeout') as lock_timeout;",
    })
    await dir.add(M2, {
      up: "-- tidemark:no-transaction\ninsert into settings select current_setting('lock_timeout');",
    })
    await migrate(target.db, await folder(), { lockTimeout: '1234ms' })
    const { rows } = await target.db.execute<{ lock_timeout: string }>(sql`select lock_timeout from settings`)
    expect(rows.map((r) => r.lock_timeout)).toEqual(['1234ms', '1234ms'])
    const after = await target.db.execute<{ value: string }>(
      sql`select current_setting('lock_timeout') as value`,
    )
    expect(after.rows[0]!.value).toBe('0')
  })

  it('deletes the claim of a failed no-transaction migration and lists what could not be rolled back', async () => {
    await dir.add(M1, {
      up: '-- tidemark:no-transaction\ncreate table kept (id int);\ncreate index concurrently on missing_table (id);\n',
    })
    const error = await migrate(target.db, await folder()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MigrationError)
    expect((error as MigrationError).notRolledBack).toEqual(['create table kept (id int)'])
    expect((error as Error).message).toContain('could not roll back the 1 statement(s)')
    expect((await readCatalog(target.db)).tables['public.kept']).toBeDefined()
    expect(await journalRows(target.db)).toEqual([])
  })

  it("waits for another runner's unfinished no-transaction migration, then skips it", async () => {
    await dir.add(M1, { up: '-- tidemark:no-transaction\ncreate table t1 (id int);' })
    await dir.add(M2, { up: 'create table t2 (id int);' })
    const m1 = (await folder()).migrations[0]!
    // Another runner claimed M1 and is running it.
    await migrate(target.db, { ...(await folder()), migrations: [] })
    await target.db.execute(
      sql`insert into tidemark_migrations (name, checksum) values (${M1}, ${m1.checksum})`,
    )
    const events: string[] = []
    const running = migrate(target.db, await folder(), { onEvent: (e) => events.push(`${e.type} ${e.name}`) })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await target.db.execute(sql`create table t1 (id int)`)
    await target.db.execute(sql`update tidemark_migrations set applied_at = now() where name = ${M1}`)
    const result = await running
    expect(result).toEqual({ applied: [{ name: M2, durationMs: expect.any(Number) }], alreadyApplied: [M1] })
    expect(events).toEqual([`waiting ${M1}`, `skipped ${M1}`, `started ${M2}`, `applied ${M2}`])
  })

  it('gives up on an unfinished claim after the wait timeout, saying how to clear it', async () => {
    await dir.add(M1, { up: '-- tidemark:no-transaction\ncreate table t1 (id int);' })
    const m1 = (await folder()).migrations[0]!
    await migrate(target.db, { ...(await folder()), migrations: [] })
    await target.db.execute(
      sql`insert into tidemark_migrations (name, checksum) values (${M1}, ${m1.checksum})`,
    )
    const started = performance.now()
    const error = await migrate(target.db, await folder(), { claimWaitMs: 400 }).catch(
      (caught: unknown) => caught,
    )
    expect(performance.now() - started).toBeGreaterThanOrEqual(400)
    expect(error).toBeInstanceOf(MigrationHistoryError)
    expect((error as Error).message).toContain(
      `delete from "public"."tidemark_migrations" where name = '${M1}'`,
    )
  })

  it('says at once that a claim whose session has ended will never finish, and how to clear it', async () => {
    await dir.add(M1, { up: '-- tidemark:no-transaction\ncreate table t1 (id int);' })
    const m1 = (await folder()).migrations[0]!
    await migrate(target.db, { ...(await folder()), migrations: [] })
    // The claimer's pid now belongs to another session (this one): pids are reused, and PGlite's
    // is the same in every process.
    await target.db.execute(sql`
      insert into tidemark_migrations (name, checksum, claimer_pid, claimer_started_at)
      values (${M1}, ${m1.checksum}, pg_backend_pid(), '2000-01-01T00:00:00Z')`)
    const events: string[] = []
    // Without the check this waits the default 10 minutes, far beyond the test's timeout.
    const error = await migrate(target.db, await folder(), {
      onEvent: (e) => events.push(`${e.type} ${e.name}`),
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MigrationHistoryError)
    expect((error as Error).message).toMatch(
      new RegExp(
        `^migration ${M1} was claimed at .* by a runner that is gone: its database session \\(pid \\d+\\) ended`,
      ),
    )
    expect((error as Error).message).toContain(join(dir.path, M1, 'up.sql'))
    expect((error as Error).message).toContain(
      `delete from "public"."tidemark_migrations" where name = '${M1}'`,
    )
    expect(events).toEqual([])
  })

  it('adds the claimer columns to a journal created before them', async () => {
    await target.exec(`create table tidemark_migrations (
      name text collate "C" primary key, checksum text not null, applied_at timestamptz,
      duration_ms integer, started_at timestamptz not null default clock_timestamp())`)
    await dir.add(M1, { up: '-- tidemark:no-transaction\ncreate table t1 (id int);' })
    const result = await migrate(target.db, await folder())
    expect(result.applied.map((a) => a.name)).toEqual([M1])
    expect((await journalRows(target.db)).map((r) => [r.name, r.applied])).toEqual([[M1, true]])
  })

  // PGlite has a single connection, so nothing else can hold a lock there; the test above proves
  // the setting on every target, this one what it does on a server.
  if (target.kind === 'server')
    it('fails a migration blocked by a table lock within about lock_timeout (55P03)', async () => {
      await target.exec('create table busy (id int)')
      await dir.add(M1, { up: 'alter table busy add column note text;' })
      const migrations = await folder()
      let elapsed = 0
      let error: unknown
      // The transaction holds its connection; migrate runs on the others of the pool.
      await target.db.transaction(async (tx) => {
        await tx.execute(sql`lock table busy in access exclusive mode`)
        const started = performance.now()
        error = await migrate(target.db, migrations, { lockTimeout: '300ms' }).catch(
          (caught: unknown) => caught,
        )
        elapsed = performance.now() - started
      })
      expect(error).toBeInstanceOf(MigrationError)
      expect((error as MigrationError).code).toBe('55P03')
      expect((error as Error).message).toMatch(/statement 1 failed: .*lock.*\(55P03\)/)
      expect(elapsed).toBeGreaterThanOrEqual(300)
      expect(elapsed).toBeLessThan(3000)
      expect(await journalRows(target.db)).toEqual([])
    })
})
