/**
 * Object owners in `check`: an object is expected to be owned by the role that applied the
 * migration creating it (the journal records it; rows written before it did fall back to the
 * journal's owner), or by the role a migration gave it to. Any other owner is drift, worded with
 * what it means for the table's row-level security, and the printed SQL gives the object back.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { checkDatabase } from '../../src/migrate/check/check.js'
import { DEFAULT_JOURNAL, migrate, readJournal, readMigrationFolder } from '../../src/migrate/index.js'
import { integer, table, toModel } from '../../src/pg.js'
import { sql } from '../../src/sql/sql.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { resetDatabase } from './support/journal.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'

const BASE = `
create table notes (id int primary key, body text);
alter table notes enable row level security;
create function shout(t text) returns text language sql immutable as 'select upper(t)';
create view note_bodies as select body from notes;
`

describeEachSchemaTarget('owners in check', (target) => {
  // Roles are cluster-wide on a server: a name of this run's own, dropped afterwards.
  const role = `tidemark_owner_${randomBytes(5).toString('hex')}`
  let dir: TempDir
  // The replays of one history are read once.
  let cache: TempDir
  const check = async () =>
    (
      await checkDatabase({
        db: target.db,
        folder: await readMigrationFolder(dir.path),
        journal: DEFAULT_JOURNAL,
        shadow: { cacheDir: cache.path },
      })
    ).drift
  const messages = async () => (await check()).findings.map((f) => f.message)
  const expectClean = async () => expect(await check()).toMatchObject({ status: 'clean', findings: [] })

  beforeAll(async () => {
    cache = await makeTempDir('tidemark-cache-')
    await target.exec(`create role ${role}`)
  })
  afterAll(async () => {
    await cache.remove()
    await resetDatabase(target.db)
    await target.exec(`drop owned by ${role}; drop role ${role}`)
  })
  beforeEach(async () => {
    dir = await makeTempDir()
    await dir.add('20261201000000_base', { up: BASE })
  })
  afterEach(async () => {
    await dir.remove()
    await resetDatabase(target.db)
  })

  it('records the role that applied each migration in the journal', async () => {
    await migrate(target.db, await readMigrationFolder(dir.path))
    const [session] = (await target.db.execute<{ role: string }>(sql`select current_user::text as role`)).rows
    expect((await readJournal(target.db)).map((row) => row.appliedBy)).toEqual([session!.role])
  })

  it('reports a table and a function given to another role by hand, and gives them back', async () => {
    await migrate(target.db, await readMigrationFolder(dir.path))
    await expectClean()
    await target.exec(`alter table notes owner to ${role}; alter function shout(text) owner to ${role}`)
    const drift = await check()
    expect(drift.status).toBe('drifted')
    expect(drift.findings.map((f) => f.message)).toEqual([
      `table notes: owner changed to ${role} outside migrations; ${role} bypasses its row-level security, which is enabled and not forced`,
      `function shout(text): owner changed to ${role} outside migrations`,
    ])
    expect(drift.reconcile.sql).toEqual([
      'ALTER TABLE "public"."notes" OWNER TO CURRENT_USER;',
      'ALTER FUNCTION "public"."shout"(text) OWNER TO CURRENT_USER;',
    ])
    await target.exec(drift.reconcile.sql.join('\n'))
    expect(await check()).toMatchObject({ status: 'clean', findings: [] })
  })

  it('expects the owner a migration gives, even to a role its scratch database does not have', async () => {
    await dir.add('20261202000000_owner', {
      up: `alter view note_bodies owner to ${role};\n`,
    })
    await migrate(target.db, await readMigrationFolder(dir.path))
    await expectClean()
    await target.exec('alter view note_bodies owner to current_user')
    const drift = await check()
    expect(drift.findings.map((f) => f.message)).toEqual([
      `view note_bodies: owner changed outside migrations from ${role} to the role that applies them`,
    ])
    expect(drift.reconcile.sql).toEqual([`ALTER VIEW "public"."note_bodies" OWNER TO "${role}";`])
  })

  it('keeps the owner a migration gave when the schema code, which declares none, is compared', async () => {
    const own = await makeTempDir()
    try {
      await own.add('20261201000000_memos', {
        up: `create table memos (id integer primary key);\nalter table memos owner to ${role};\n`,
      })
      const folder = await readMigrationFolder(own.path)
      await migrate(target.db, folder)
      const memos = table('memos', { id: integer().primaryKey() })
      const report = await checkDatabase({
        db: target.db,
        folder,
        journal: DEFAULT_JOURNAL,
        shadow: { cacheDir: cache.path },
        desired: { model: toModel({ memos }), authoredDefaults: new Set() },
      })
      expect(report.code).toMatchObject({ status: 'clean', changes: [] })
      expect(report.drift).toMatchObject({ status: 'clean', findings: [] })
    } finally {
      await own.remove()
    }
  })

  it('takes the objects of the role that applied the migrations as theirs, whoever runs check', async () => {
    await migrate(target.db, await readMigrationFolder(dir.path))
    // As if the migration had run as the role: it owns what it created, and the journal says so.
    const handOver = `alter table notes owner to ${role}; alter function shout(text) owner to ${role};
      alter view note_bodies owner to ${role}`
    await target.exec(`${handOver}; update tidemark_migrations set applied_by = '${role}'`)
    await expectClean()

    // A row from before applied_by was recorded: the journal's owner applied it.
    await target.exec('update tidemark_migrations set applied_by = null')
    expect(await messages()).toHaveLength(3)
    await target.exec(`alter table tidemark_migrations owner to ${role}`)
    await expectClean()
  })
})
