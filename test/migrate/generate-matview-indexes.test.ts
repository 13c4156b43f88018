/**
 * generate with indexes on materialized views: declared in code, created after their view; changed
 * in code, dropped and created again (storage parameters alone altered in place); kept through a
 * rebuild of their view; and the inverse down. The folder then migrates a fresh database up, checks
 * clean against it, and comes down again one step at a time through exactly the states planned.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SchemaModel } from 'tidemark'
import {
  desc,
  index,
  integer,
  introspect,
  materializedView,
  numeric,
  sql,
  table,
  text,
  toModel,
  uniqueIndex,
} from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authoredDefaults } from '../../src/cli/schema-model.js'
import { checkDatabase } from '../../src/migrate/check/check.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, migrateDown, readMigrationFolder } from '../../src/migrate/index.js'
import { openShadow } from '../../src/migrate/replay/shadow.js'
import { noRenames, shadows, statementsOf } from './support/generate.js'

type Step = 'first' | 'changed' | 'rebuilt'

function schemaAt(step: Step): Record<string, unknown> {
  const orders = table('orders', { id: integer().primaryKey(), customer: text(), amount: numeric() })
  const query =
    step === 'rebuilt'
      ? sql`select ${orders.customer}, sum(${orders.amount}) as total from ${orders} where ${orders.amount} > 0 group by 1`
      : sql`select ${orders.customer}, sum(${orders.amount}) as total from ${orders} group by 1`
  const totals = materializedView('customer_totals', { customer: text(), total: numeric() })
    .indexes((v) =>
      step === 'first'
        ? [
            uniqueIndex().on(v.customer),
            index('customer_totals_big_idx').on(desc(v.total)).where(sql`${v.total} > 100`),
          ]
        : [
            uniqueIndex().on(v.customer).with({ fillfactor: 80 }),
            index('customer_totals_total_idx').on(v.total).include(v.customer),
          ],
    )
    .as(query)
  // A view that declares no columns names them with sql.identifier(), as pulled code does.
  const ids = materializedView('order_ids')
    .indexes(() => [uniqueIndex().on(sql.identifier('id'))])
    .as(sql`select ${orders.id} from ${orders}`)
  return { orders, totals, ids }
}

const RECREATED = [
  'CREATE UNIQUE INDEX "customer_totals_customer_idx" ON "public"."customer_totals" USING btree ("customer") WITH (fillfactor = 80)',
  'CREATE INDEX "customer_totals_total_idx" ON "public"."customer_totals" USING btree ("total") INCLUDE ("customer")',
]

for (const shadow of shadows) {
  describe(`generate with indexes on materialized views [${shadow.name}]`, () => {
    let dir: string
    let step = 0
    const targets: SchemaModel[] = []
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-matview-indexes-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const generate = async (at: Step) => {
      const modules = schemaAt(at)
      const settings = {
        dir: join(dir, 'migrations'),
        desired: toModel(modules),
        // The expressions PostgreSQL rewrites are learned, so the second generate needs no shadow.
        authoredDefaults: authoredDefaults([modules]),
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
      if (shadow.url === undefined) expect(again.plan.shadow).toBe(false)
      const read = (file: string) => readFile(join(result.written!.dir, file), 'utf8')
      return { up: statementsOf(await read('up.sql')), down: statementsOf(await read('down.sql')) }
    }
    const notTable = (statements: string[]) => statements.filter((s) => !s.includes('TABLE'))

    it('creates the indexes after their view', async () => {
      const { up } = await generate('first')
      expect(notTable(up).map((s) => s.replace(/ AS select[\s\S]*/, ''))).toEqual([
        'CREATE MATERIALIZED VIEW "public"."customer_totals"',
        'CREATE MATERIALIZED VIEW "public"."order_ids"',
        'CREATE INDEX "customer_totals_big_idx" ON "public"."customer_totals" USING btree ("total" DESC) WHERE ("total" > 100)',
        'CREATE UNIQUE INDEX "customer_totals_customer_idx" ON "public"."customer_totals" USING btree ("customer")',
        'CREATE UNIQUE INDEX "order_ids_id_idx" ON "public"."order_ids" USING btree ("id")',
      ])
    })

    it('drops and creates the indexes that change, alters the one whose storage parameters do', async () => {
      const { up, down } = await generate('changed')
      expect(up).toEqual([
        'DROP INDEX "public"."customer_totals_big_idx"',
        RECREATED[1],
        'ALTER INDEX "public"."customer_totals_customer_idx" SET (fillfactor = 80)',
      ])
      expect(down).toEqual([
        'DROP INDEX "public"."customer_totals_total_idx"',
        'CREATE INDEX "customer_totals_big_idx" ON "public"."customer_totals" USING btree ("total" DESC) WHERE ((total > (100)::numeric))',
        'ALTER INDEX "public"."customer_totals_customer_idx" RESET (fillfactor)',
      ])
    })

    it('creates the indexes again when their view is rebuilt', async () => {
      const { up, down } = await generate('rebuilt')
      expect(up[0]).toBe('DROP MATERIALIZED VIEW "public"."customer_totals"')
      expect(up[1]).toMatch(/^CREATE MATERIALIZED VIEW "public"."customer_totals" AS select/)
      expect(up.slice(2)).toEqual(RECREATED)
      expect(down.slice(2)).toEqual(RECREATED)
    })

    it('migrates a fresh database that checks clean, then down through every state', async () => {
      const fresh = await openShadow(
        shadow.url === undefined ? { cacheDir: join(dir, 'cache') } : { url: shadow.url },
      )
      const exclude = [{ schema: DEFAULT_JOURNAL.schema, table: DEFAULT_JOURNAL.table }]
      try {
        const folder = await readMigrationFolder(join(dir, 'migrations'))
        await migrate(fresh.db, folder)
        expect(await introspect(fresh.db, { exclude })).toEqual(targets.at(-1))
        const report = await checkDatabase({
          db: fresh.db,
          folder,
          journal: DEFAULT_JOURNAL,
          shadow: { cacheDir: join(dir, 'cache') },
        })
        expect(report.drift).toMatchObject({ status: 'clean', findings: [] })
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
