/**
 * generate with the options of columns, tables, indexes and views (collation, storage parameters,
 * UNLOGGED, REPLICA IDENTITY, view security and check options): each one set, changed and removed
 * in code writes the statement up and its inverse down, and the next generate is empty. The folder
 * then migrates a fresh database up, and down again one step at a time, through exactly the states
 * generate planned.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SchemaModel } from 'tidemark'
import {
  index,
  integer,
  introspect,
  materializedView,
  replicaIdentity,
  type StorageParameters,
  sql,
  storageParameters,
  table,
  text,
  toModel,
  unlogged,
  type ViewOptions,
  view,
} from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, migrateDown, readMigrationFolder } from '../../src/migrate/index.js'
import { openShadow } from '../../src/migrate/replay/shadow.js'
import { noRenames, shadows, statementsOf } from './support/generate.js'

interface Options {
  /** COLLATE of users.name. */
  readonly collation?: string
  /** Of users. */
  readonly storage?: StorageParameters
  readonly unlogged?: boolean
  readonly identity?: 'full' | 'nothing' | { index: string }
  /** Of users_id_idx. */
  readonly indexStorage?: StorageParameters
  /** Of the view event_ids. */
  readonly view?: Pick<ViewOptions, 'securityBarrier' | 'securityInvoker' | 'checkOption'>
  /** Of the materialized view event_counts. */
  readonly matview?: StorageParameters
}

function schemaWith(o: Options): Record<string, unknown> {
  const name = text()
  const users = table(
    'users',
    {
      id: integer().primaryKey(),
      name: o.collation === undefined ? name : name.collate(o.collation),
    },
    (t) => [
      o.indexStorage === undefined
        ? index('users_id_idx').on(t.id)
        : index('users_id_idx').on(t.id).with(o.indexStorage),
      ...(o.storage === undefined ? [] : [storageParameters(o.storage)]),
      ...(o.unlogged === true ? [unlogged()] : []),
      ...(o.identity === undefined ? [] : [replicaIdentity(o.identity)]),
    ],
  )
  // Views over a table of their own: users changes shape at every step, which rebuilds its views.
  const events = table('events', { id: integer() })
  const eventIds = view('event_ids', {}, o.view).as(sql`select ${events.id} from ${events}`)
  const eventCounts = materializedView('event_counts', {}, { with: o.matview }).as(
    sql`select count(*) as n from ${events}`,
  )
  return { users, events, eventIds, eventCounts }
}

const FIRST: Options = {
  collation: 'C',
  storage: { fillfactor: 70 },
  unlogged: true,
  identity: 'full',
  indexStorage: { fillfactor: 70 },
  view: { securityBarrier: true, checkOption: 'local' },
  matview: { fillfactor: 70 },
}
const SECOND: Options = {
  collation: 'POSIX',
  indexStorage: { fillfactor: 50, deduplicate_items: false },
  view: { securityInvoker: true, checkOption: 'cascaded' },
  matview: { fillfactor: 50, autovacuum_enabled: false },
  storage: { fillfactor: 50, autovacuum_enabled: false },
  identity: { index: 'users_pkey' },
}

for (const shadow of shadows) {
  describe(`generate with options [${shadow.name}]`, () => {
    let dir: string
    let step = 0
    /** What each migration builds, in order. */
    const targets: SchemaModel[] = []
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-options-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const generate = async (options: Options) => {
      const settings = {
        dir: join(dir, 'migrations'),
        desired: toModel(schemaWith(options)),
        journal: DEFAULT_JOURNAL,
        shadow: { url: shadow.url, cacheDir: join(dir, 'cache') },
        resolveRenames: noRenames,
      }
      step += 1
      const result = await generateMigration({ ...settings, now: new Date(Date.UTC(2030, 0, 1, 0, 0, step)) })
      expect(result.written).not.toBeNull()
      targets.push(result.plan.target)
      const again = await generateMigration(settings)
      expect(again.plan.up).toEqual([])
      expect(again.written).toBeNull()
      const read = (file: string) => readFile(join(result.written!.dir, file), 'utf8')
      return { up: statementsOf(await read('up.sql')), down: statementsOf(await read('down.sql')) }
    }

    it('creates a table with its options', async () => {
      const { up } = await generate(FIRST)
      expect(up.filter((s) => s.includes('VIEW'))).toEqual([
        'CREATE MATERIALIZED VIEW "public"."event_counts" WITH (fillfactor = 70) AS select count(*) as n from public.events',
        'CREATE VIEW "public"."event_ids" WITH (check_option = local, security_barrier = true) AS select "events"."id" from public.events',
      ])
      expect(up.filter((s) => !s.includes('VIEW') && !s.includes('"events"'))).toEqual([
        `CREATE UNLOGGED TABLE "public"."users" (
  "id" integer NOT NULL,
  "name" text COLLATE "C",
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
) WITH (fillfactor = 70)`,
        'CREATE INDEX "users_id_idx" ON "public"."users" USING btree ("id") WITH (fillfactor = 70)',
        'ALTER TABLE "public"."users" REPLICA IDENTITY FULL',
      ])
    })

    it('changes every option in place, and back going down', async () => {
      const { up, down } = await generate(SECOND)
      expect(up).toEqual([
        'ALTER TABLE "public"."users" ALTER COLUMN "name" TYPE text COLLATE "POSIX"',
        'ALTER INDEX "public"."users_id_idx" SET (deduplicate_items = false, fillfactor = 50)',
        'ALTER TABLE "public"."users" SET (autovacuum_enabled = false, fillfactor = 50)',
        'ALTER TABLE "public"."users" SET LOGGED',
        'ALTER TABLE "public"."users" REPLICA IDENTITY USING INDEX "users_pkey"',
        'ALTER MATERIALIZED VIEW "public"."event_counts" SET (autovacuum_enabled = false, fillfactor = 50)',
        'ALTER VIEW "public"."event_ids" RESET (security_barrier)',
        'ALTER VIEW "public"."event_ids" SET (check_option = cascaded, security_invoker = true)',
      ])
      expect(down).toEqual([
        'ALTER TABLE "public"."users" ALTER COLUMN "name" TYPE text COLLATE "C"',
        'ALTER INDEX "public"."users_id_idx" RESET (deduplicate_items)',
        'ALTER INDEX "public"."users_id_idx" SET (fillfactor = 70)',
        'ALTER TABLE "public"."users" RESET (autovacuum_enabled)',
        'ALTER TABLE "public"."users" SET (fillfactor = 70)',
        'ALTER TABLE "public"."users" SET UNLOGGED',
        'ALTER TABLE "public"."users" REPLICA IDENTITY FULL',
        'ALTER MATERIALIZED VIEW "public"."event_counts" RESET (autovacuum_enabled)',
        'ALTER MATERIALIZED VIEW "public"."event_counts" SET (fillfactor = 70)',
        'ALTER VIEW "public"."event_ids" RESET (security_invoker)',
        'ALTER VIEW "public"."event_ids" SET (check_option = local, security_barrier = true)',
      ])
    })

    it('removes every option', async () => {
      const { up, down } = await generate({})
      expect(up).toEqual([
        'ALTER TABLE "public"."users" ALTER COLUMN "name" TYPE text',
        'ALTER INDEX "public"."users_id_idx" RESET (deduplicate_items, fillfactor)',
        'ALTER TABLE "public"."users" RESET (autovacuum_enabled, fillfactor)',
        'ALTER TABLE "public"."users" REPLICA IDENTITY DEFAULT',
        'ALTER MATERIALIZED VIEW "public"."event_counts" RESET (autovacuum_enabled, fillfactor)',
        'ALTER VIEW "public"."event_ids" RESET (check_option, security_invoker)',
      ])
      expect(down).toEqual([
        'ALTER TABLE "public"."users" ALTER COLUMN "name" TYPE text COLLATE "POSIX"',
        'ALTER INDEX "public"."users_id_idx" SET (deduplicate_items = false, fillfactor = 50)',
        'ALTER TABLE "public"."users" SET (autovacuum_enabled = false, fillfactor = 50)',
        'ALTER TABLE "public"."users" REPLICA IDENTITY USING INDEX "users_pkey"',
        'ALTER MATERIALIZED VIEW "public"."event_counts" SET (autovacuum_enabled = false, fillfactor = 50)',
        'ALTER VIEW "public"."event_ids" SET (check_option = cascaded, security_invoker = true)',
      ])
    })

    it('migrates a fresh database through every state, up and then down', async () => {
      const fresh = await openShadow(
        shadow.url === undefined ? { cacheDir: join(dir, 'cache') } : { url: shadow.url },
      )
      const exclude = [{ schema: DEFAULT_JOURNAL.schema, table: DEFAULT_JOURNAL.table }]
      try {
        const folder = await readMigrationFolder(join(dir, 'migrations'))
        await migrate(fresh.db, folder)
        expect(await introspect(fresh.db, { exclude })).toEqual(targets.at(-1))
        for (const expected of targets.slice(0, -1).reverse()) {
          await migrateDown(fresh.db, folder)
          expect(await introspect(fresh.db, { exclude })).toEqual(expected)
        }
      } finally {
        await fresh.close()
      }
    })
  })
}
