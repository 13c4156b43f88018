/**
 * pull, generate and migrate over sequences OWNED BY a column: one in a schema of its own with its
 * table, one with every option set, a serial column's sequence altered after the fact, and a
 * sequence of one schema feeding a column in another (PostgreSQL refuses OWNED BY across schemas:
 * such a sequence is never owned). The
 * migrated catalog (read straight from pg_catalog: options and owner included) equals the source,
 * and a second generate is empty.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { integer, introspect, schema, toModel } from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { openShadow } from '../../src/migrate/generate/shadow.js'
import { DEFAULT_JOURNAL, migrate, migrateDown, readMigrationFolder } from '../../src/migrate/index.js'
import { resetDatabase } from '../diff/support.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { pullGenerateMigrate } from '../support/pull-round-trip.js'
import { noRenames, shadows, statementsOf } from './support/generate.js'

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

/** The same ownership declared in code: generate creates the sequence, then owns it once its table exists. */
for (const shadow of shadows) {
  describe(`generate with a sequence owned by a column [${shadow.name}]`, () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-owned-sequence-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const schemaWith = (withTable: boolean): Record<string, unknown> => {
      const ledger = schema('ledger')
      const numbers = ledger.sequence('entry_numbers', {
        as: 'integer',
        start: 1000,
        increment: 5,
        minValue: 10,
        maxValue: 900000,
        cache: 20,
        cycle: true,
        ownedBy: () => entries.no,
      })
      const entries = ledger.table('entries', { no: integer().notNull().default(numbers.nextval()) })
      return withTable ? { ledger, numbers, entries } : { ledger }
    }
    const generate = async (withTable: boolean, second: number) => {
      const settings = {
        dir: join(dir, 'migrations'),
        desired: toModel(schemaWith(withTable)),
        journal: DEFAULT_JOURNAL,
        shadow: { url: shadow.url, cacheDir: join(dir, 'cache') },
        resolveRenames: noRenames,
      }
      const result = await generateMigration({
        ...settings,
        now: new Date(Date.UTC(2030, 0, 1, 0, 0, second)),
      })
      expect((await generateMigration(settings)).plan.up).toEqual([])
      const read = (file: string) => readFile(join(result.written!.dir, file), 'utf8')
      return { result, up: statementsOf(await read('up.sql')), down: statementsOf(await read('down.sql')) }
    }

    it('creates the sequence, its table, then OWNED BY; dropping the table takes the sequence along', async () => {
      const first = await generate(true, 1)
      expect(first.up.filter((s) => s.includes('SEQUENCE'))).toEqual([
        'CREATE SEQUENCE "ledger"."entry_numbers" AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 900000 START WITH 1000 CACHE 20 CYCLE',
        'ALTER SEQUENCE "ledger"."entry_numbers" OWNED BY "ledger"."entries"."no"',
      ])
      expect(first.result.plan.target.sequences).toMatchObject([
        { name: 'entry_numbers', ownedBy: { table: 'entries', column: 'no' } },
      ])
      const second = await generate(false, 2)
      expect(second.up).toEqual(['DROP TABLE "ledger"."entries"'])

      const fresh = await openShadow(
        shadow.url === undefined ? { cacheDir: join(dir, 'cache') } : { url: shadow.url },
      )
      const exclude = [{ schema: DEFAULT_JOURNAL.schema, table: DEFAULT_JOURNAL.table }]
      try {
        const folder = await readMigrationFolder(join(dir, 'migrations'))
        await migrate(fresh.db, folder)
        expect((await introspect(fresh.db, { exclude })).sequences).toEqual([])
        await migrateDown(fresh.db, folder)
        expect(await introspect(fresh.db, { exclude })).toEqual(first.result.plan.target)
      } finally {
        await fresh.close()
      }
    })
  })
}
