/**
 * plpgsql routines that name a table's types (`accounts.balance%TYPE`, `accounts%ROWTYPE`) in their
 * arguments, result or declarations: PostgreSQL resolves those when it creates the routine, so the
 * first migration must create them after the table, and the database it builds must check clean.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { integer, numeric, pgFunction, sql, table, text, toModel } from 'tidemark/pg'
import { expect, it } from 'vitest'
import { checkDatabase } from '../../src/migrate/check/check.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { resetDatabase } from '../diff/support.js'
import { describeEachSchemaTarget, serverUrl } from '../support/databases.js'
import { keepAsDrops, noRenames, statementsOf } from './support/generate.js'

function schema(): Record<string, unknown> {
  const accounts = table('accounts', {
    id: integer().primaryKey(),
    owner: text().notNull(),
    balance: numeric({ precision: 12, scale: 2 }).notNull().default(sql`0`),
  })
  // Declared before the table, as a module may: the order of the migration must not follow it.
  const balanceOf = pgFunction(sql`
    CREATE FUNCTION balance_of(p_id accounts.id%TYPE) RETURNS accounts.balance%TYPE
    LANGUAGE plpgsql STABLE AS $$
    DECLARE
      v_balance accounts.balance%TYPE;
    BEGIN
      SELECT balance INTO v_balance FROM accounts WHERE id = p_id;
      RETURN v_balance;
    END
    $$`)
  const richest = pgFunction(sql`
    CREATE FUNCTION richest_owner() RETURNS text
    LANGUAGE plpgsql STABLE AS $$
    DECLARE
      r public.accounts%ROWTYPE;
    BEGIN
      SELECT * INTO r FROM accounts ORDER BY balance DESC LIMIT 1;
      RETURN r.owner;
    END
    $$`)
  return { balanceOf, richest, accounts }
}

describeEachSchemaTarget('routines on a table’s types through generate, migrate and check', (target) => {
  it('creates them after the table, migrates, and checks clean', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidemark-table-types-'))
    try {
      const shadow = { url: target.kind === 'embedded' ? undefined : serverUrl, cacheDir: join(dir, 'cache') }
      const desired = toModel(schema())
      const options = {
        dir: join(dir, 'migrations'),
        desired,
        journal: DEFAULT_JOURNAL,
        shadow,
        resolveRenames: noRenames,
      }
      const { written } = await generateMigration(options)
      expect(written).not.toBeNull()
      expect((await generateMigration(options)).plan.up).toEqual([])

      const up = statementsOf(await readFile(join(written!.dir, 'up.sql'), 'utf8'))
      const at = (text: string) => up.findIndex((s) => s.includes(text))
      expect(at('CREATE TABLE "public"."accounts"')).toBeGreaterThanOrEqual(0)
      expect(at('FUNCTION balance_of')).toBeGreaterThan(at('CREATE TABLE "public"."accounts"'))
      expect(at('FUNCTION richest_owner')).toBeGreaterThan(at('CREATE TABLE "public"."accounts"'))

      await resetDatabase(target.db)
      const folder = await readMigrationFolder(options.dir)
      await migrate(target.db, folder)
      await target.exec(`insert into accounts values (1, 'ann', 10), (2, 'bob', 20)`)
      const { rows } = await target.db.execute<{ balance: string; owner: string }>(
        sql`select balance_of(1)::text as balance, richest_owner() as owner`,
      )
      expect(rows).toEqual([{ balance: '10.00', owner: 'bob' }])

      const report = await checkDatabase({
        db: target.db,
        folder,
        journal: DEFAULT_JOURNAL,
        shadow,
        desired: { model: desired, authoredDefaults: new Set() },
      })
      expect(report.drift.findings).toEqual([])
      expect(report.code.changes).toEqual([])
      expect([report.drift.status, report.code.status, report.journal.status]).toEqual([
        'clean',
        'clean',
        'clean',
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 600_000)

  it('replaces a routine on a table the schema drops with one on the table that takes its place', async () => {
    // As graphile-worker 0.16 did: the table a routine returns is renamed, and the routine follows.
    const version = (renamed: boolean) => {
      const name = renamed ? '_private_jobs' : 'jobs'
      const jobs = table(name, { id: integer().primaryKey(), task: text().notNull() })
      const removeJob = pgFunction(
        sql.raw(`CREATE FUNCTION remove_job(p_id integer) RETURNS ${name} LANGUAGE plpgsql AS $$
          DECLARE v ${name}; BEGIN DELETE FROM ${name} WHERE id = p_id RETURNING * INTO v; RETURN v; END $$`),
      )
      return toModel({ jobs, removeJob })
    }
    const dir = await mkdtemp(join(tmpdir(), 'tidemark-table-types-'))
    try {
      const shadow = { url: target.kind === 'embedded' ? undefined : serverUrl, cacheDir: join(dir, 'cache') }
      const options = (renamed: boolean) => ({
        dir: join(dir, 'migrations'),
        desired: version(renamed),
        journal: DEFAULT_JOURNAL,
        shadow,
        resolveRenames: keepAsDrops,
      })
      await resetDatabase(target.db)
      for (const renamed of [false, true]) {
        expect((await generateMigration(options(renamed))).written).not.toBeNull()
        expect((await generateMigration(options(renamed))).plan.up).toEqual([])
        await migrate(target.db, await readMigrationFolder(options(renamed).dir))
      }
      await target.exec(`insert into _private_jobs values (1, 'x')`)
      const { rows } = await target.db.execute<{ task: string }>(sql`select (remove_job(1)).task as task`)
      expect(rows).toEqual([{ task: 'x' }])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 600_000)
})
