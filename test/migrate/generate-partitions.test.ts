/**
 * generate with partitioned tables: bounds and keys written in code compare equal to what
 * PostgreSQL prints once loaded (a second generate is empty); a changed bound is a detach and an
 * attach, a new key a rebuild; the folder migrates a fresh database up and down through exactly the
 * states generate planned. Then check on that database names partitions changed by hand, and the SQL
 * it prints makes it clean again.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SchemaModel } from 'tidemark'
import {
  bigint,
  introspect,
  type PartitionBound,
  partition,
  partitionBy,
  primaryKey,
  sql,
  table,
  text,
  timestamptz,
  toModel,
} from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkDatabase } from '../../src/migrate/check/check.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, migrateDown, readMigrationFolder } from '../../src/migrate/index.js'
import { openShadow, type ShadowDatabase } from '../../src/migrate/replay/shadow.js'
import { noRenames, shadows, statementsOf } from './support/generate.js'

interface Shape {
  readonly parts: Record<string, PartitionBound>
  readonly byRegion?: boolean
}

function schemaWith(shape: Shape): Record<string, unknown> {
  const events = table(
    'events',
    {
      id: bigint().notNull(),
      region: text().notNull(),
      createdAt: timestamptz('created_at').notNull(),
    },
    // PostgreSQL takes no primary key over an expression key.
    (t) =>
      shape.byRegion
        ? [partitionBy('list', sql`lower(${t.region})`)]
        : [primaryKey(t.id, t.createdAt, t.region), partitionBy('range', t.createdAt)],
  )
  const parts = Object.entries(shape.parts).map(([name, bound]) => [name, partition(events, name, bound)])
  return { events, ...Object.fromEntries(parts) }
}

const FIRST: Shape = { parts: { events_2026: { from: '2026-01-01', to: '2027-01-01' } } }
const MOVED: Shape = { parts: { events_2026: { from: '2026-01-01', to: new Date('2027-07-01T00:00:00Z') } } }
const MORE: Shape = { parts: { ...MOVED.parts, events_rest: { default: true } } }
const REKEYED: Shape = { byRegion: true, parts: { events_eu: { in: ['eu'] } } }

for (const shadow of shadows) {
  describe(`generate with partitions [${shadow.name}]`, () => {
    let dir: string
    let step = 0
    const targets: SchemaModel[] = []
    const exclude = [{ schema: DEFAULT_JOURNAL.schema, table: DEFAULT_JOURNAL.table }]
    const shadowOptions = () => ({ url: shadow.url, cacheDir: join(dir, 'cache') })
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-partitions-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const generate = async (shape: Shape) => {
      const options = {
        dir: join(dir, 'migrations'),
        desired: toModel(schemaWith(shape)),
        journal: DEFAULT_JOURNAL,
        shadow: shadowOptions(),
        resolveRenames: noRenames,
      }
      step += 1
      const result = await generateMigration({ ...options, now: new Date(Date.UTC(2030, 0, 1, 0, 0, step)) })
      expect(result.written).not.toBeNull()
      targets.push(result.plan.target)
      // What the code says, PostgreSQL prints the same way once loaded: nothing left to generate.
      const again = await generateMigration(options)
      expect(again.written).toBeNull()
      const read = (file: string) => readFile(join(result.written!.dir, file), 'utf8')
      return { up: statementsOf(await read('up.sql')), down: statementsOf(await read('down.sql')) }
    }

    it('creates the parent, then its partition, bounds as PostgreSQL prints them', async () => {
      const { up, down } = await generate(FIRST)
      expect(up.at(-1)).toBe(
        `CREATE TABLE "public"."events_2026" PARTITION OF "public"."events" FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')`,
      )
      expect(down).toEqual(['DROP TABLE "public"."events_2026"', 'DROP TABLE "public"."events"'])
    })

    it('detaches and attaches a partition whose bound changes; down is the inverse', async () => {
      const { up, down } = await generate(MOVED)
      const detach = 'ALTER TABLE "public"."events" DETACH PARTITION "public"."events_2026"'
      const attach = 'ALTER TABLE "public"."events" ATTACH PARTITION "public"."events_2026"'
      expect(up).toEqual([
        detach,
        `${attach} FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-07-01 00:00:00+00')`,
      ])
      expect(down).toEqual([
        detach,
        `${attach} FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')`,
      ])
    })

    it('adds a default partition, then rebuilds the table for a new key', async () => {
      expect((await generate(MORE)).up).toEqual([
        'CREATE TABLE "public"."events_rest" PARTITION OF "public"."events" DEFAULT',
      ])
      const { up } = await generate(REKEYED)
      expect(up.filter((s) => s.startsWith('DROP TABLE'))).toEqual([
        'DROP TABLE "public"."events_rest"',
        'DROP TABLE "public"."events_2026"',
        'DROP TABLE "public"."events"',
      ])
      expect(up).toContain(
        `CREATE TABLE "public"."events_eu" PARTITION OF "public"."events" FOR VALUES IN ('eu')`,
      )
    })

    describe('on a database its migrations built', () => {
      let fresh: ShadowDatabase
      beforeAll(async () => {
        fresh = await openShadow(
          shadow.url === undefined ? { cacheDir: join(dir, 'cache') } : { url: shadow.url },
        )
      })
      afterAll(() => fresh?.close())

      it('migrates through every state, up and then down', async () => {
        const folder = await readMigrationFolder(join(dir, 'migrations'))
        await migrate(fresh.db, folder)
        expect(await introspect(fresh.db, { exclude })).toEqual(targets.at(-1))
        for (const expected of targets.slice(0, -1).reverse()) {
          await migrateDown(fresh.db, folder)
          expect(await introspect(fresh.db, { exclude })).toEqual(expected)
        }
        await migrate(fresh.db, folder)
      })

      const findingsAfter = async (edit: string) => {
        const folder = await readMigrationFolder(join(dir, 'migrations'))
        const check = () =>
          checkDatabase({ db: fresh.db, folder, journal: DEFAULT_JOURNAL, shadow: shadowOptions() })
        await fresh.runScript(edit)
        const report = await check()
        expect(report.drift.status).toBe('drifted')
        await fresh.runScript(report.drift.reconcile.sql.join('\n'))
        const after = await check()
        expect(after.drift.findings).toEqual([])
        return report.drift.findings.map((f) => f.message)
      }

      it('names a partition whose bounds were changed by hand, and puts them back', async () => {
        const messages = await findingsAfter(`alter table events detach partition events_eu;
          alter table events attach partition events_eu for values in ('eu', 'uk')`)
        expect(messages).toEqual(['partition events_eu of events: bounds changed'])
      })

      it('names a partition added by hand, and drops it', async () => {
        const messages = await findingsAfter(
          `create table events_us partition of events for values in ('us')`,
        )
        expect(messages).toEqual(['partition events_us of events: added outside migrations'])
      })

      it('names a partition detached by hand, and attaches it again', async () => {
        const messages = await findingsAfter('alter table events detach partition events_eu')
        expect(messages).toContain('partition events_eu of events: detached outside migrations')
      })
    })
  })
}
