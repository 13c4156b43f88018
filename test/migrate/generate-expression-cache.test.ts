/**
 * generate remembers how PostgreSQL rewrote each authored expression; once every expression of a
 * schema is known, it plans without a shadow database, and must plan exactly what a shadow gives.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  check,
  enableRowLevelSecurity,
  index,
  integer,
  numeric,
  policy,
  sql,
  table,
  text,
  timestamptz,
  toModel,
  view,
} from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authoredDefaults } from '../../src/cli/schema-model.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL } from '../../src/migrate/index.js'
import * as kitchenSink from '../fixtures/kitchen-sink.js'
import { noRenames } from './support/generate.js'

describe('generate without a shadow database, from expressions learned before', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidemark-expressions-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  const options = (modules: Record<string, unknown>, cacheDir = join(dir, 'cache')) => ({
    dir: join(dir, 'migrations'),
    desired: toModel(modules),
    authoredDefaults: authoredDefaults([modules]),
    journal: DEFAULT_JOURNAL,
    shadow: { cacheDir },
    resolveRenames: noRenames,
  })

  it('finds the authored defaults among the declarations', () => {
    const defaults = authoredDefaults([kitchenSink])
    expect(defaults.size).toBeGreaterThan(0)
    for (const name of defaults) expect(name).toMatch(/^\w+\.\w+\.\w+$/)
    // A default given as a value is printed exactly by the model: not authored SQL.
    expect([...defaults].some((name) => name.startsWith('public.literal_defaults.'))).toBe(false)
  })

  it('plans an unchanged schema with no shadow once its expressions are known', async () => {
    expect((await generateMigration({ ...options(kitchenSink), name: 'init' })).plan.shadow).toBe(true)
    const again = await generateMigration(options(kitchenSink))
    expect(again.written).toBeNull()
    expect(again.plan.shadow).toBe(false)
  })

  it('plans a change of comments alone with no shadow', async () => {
    const model = toModel(kitchenSink)
    const desired = {
      ...model,
      enums: model.enums.map((e) => ({ ...e, comment: 'Changed' })),
      tables: model.tables.map((t) => ({
        ...t,
        comment: null,
        columns: t.columns.map((c) => ({ ...c, comment: c.name === 'id' ? 'The key' : c.comment })),
        indexes: t.indexes.map((i) => ({ ...i, comment: 'An index' })),
        uniques: t.uniques.map((u) => ({ ...u, comment: 'A key' })),
      })),
      views: model.views.map((v) => ({ ...v, comment: `${v.comment} (changed)` })),
    }
    const planned = await generateMigration({ ...options(kitchenSink), desired, name: 'comments' })
    expect(planned.plan.shadow).toBe(false)
    expect([...new Set(planned.plan.up.map((c) => c.kind))].sort()).toEqual([
      'set-column-comment',
      'set-constraint-comment',
      'set-enum-comment',
      'set-index-comment',
      'set-table-comment',
      'set-view-comment',
    ])
  })

  it('plans a change of tables and values exactly as the shadow does', async () => {
    // A change to any table makes views be read again (their text depends on what they read), so
    // this schema has none: expression defaults, checks and expression indexes only.
    const accounts = table(
      'accounts',
      {
        id: integer().primaryKey(),
        email: text().notNull(),
        balance: numeric({ precision: 12, scale: 2 }).notNull().default(sql`0`),
        createdAt: timestamptz('created_at').notNull().default(sql`now()`),
      },
      (t) => [check('accounts_balance_positive', sql`${t.balance} >= 0`), index().on(sql`lower(${t.email})`)],
    )
    await rm(join(dir, 'migrations'), { recursive: true, force: true })
    await generateMigration({ ...options({ accounts }), name: 'accounts' })
    expect((await generateMigration(options({ accounts }))).plan.shadow).toBe(false)
    const extra = table('extra', { id: integer().primaryKey(), note: text().notNull().default('none') })
    const changed = { accounts, extra }
    const withoutShadow = await generateMigration({ ...options(changed), name: 'from_cache' })
    expect(withoutShadow.plan.shadow).toBe(false)
    const name = withoutShadow.written!.name
    const up = await readFile(join(dir, 'migrations', name, 'up.sql'), 'utf8')
    const down = await readFile(join(dir, 'migrations', name, 'down.sql'), 'utf8')
    await rm(join(dir, 'migrations', name), { recursive: true })
    const { writeSumFile, readMigrationFolder } = await import('../../src/migrate/index.js')
    await writeSumFile(
      join(dir, 'migrations'),
      (await readMigrationFolder(join(dir, 'migrations'))).migrations,
    )

    const withShadow = await generateMigration({
      ...options(changed, join(dir, 'fresh-cache')),
      name: 'from_cache',
    })
    expect(withShadow.plan.shadow).toBe(true)
    expect(withShadow.plan.target).toEqual(withoutShadow.plan.target)
    const again = withShadow.written!.name
    const strip = (text: string) => text.replaceAll(again, name)
    expect(strip(await readFile(join(dir, 'migrations', again, 'up.sql'), 'utf8'))).toBe(up)
    expect(strip(await readFile(join(dir, 'migrations', again, 'down.sql'), 'utf8'))).toBe(down)
    expect((await readdir(join(dir, 'migrations'))).length).toBe(3) // two migrations and tidemark.sum
  })

  it('learns policy expressions too: an unchanged schema with policies plans with no shadow', async () => {
    const notes = table('notes', { id: integer().primaryKey(), owner: text().notNull() }, (t) => [
      enableRowLevelSecurity(),
      policy('own', { using: sql`${t.owner} = current_user`, withCheck: sql`${t.owner} <> ''` }),
    ])
    const own = { ...options({ notes }), dir: join(dir, 'policy-migrations') }
    const first = await generateMigration({ ...own, name: 'notes' })
    expect(first.plan.shadow).toBe(true)
    const up = await readFile(join(own.dir, first.written!.name, 'up.sql'), 'utf8')
    // As authored, while the model compares PostgreSQL's reprint.
    expect(up).toContain(`USING ("owner" = current_user) WITH CHECK ("owner" <> '')`)
    const again = await generateMigration(own)
    expect(again.plan.shadow).toBe(false)
    expect(again.written).toBeNull()
  })

  it('learns view column defaults too: an unchanged view with defaults plans with no shadow', async () => {
    const notes = table('notes', { id: integer().primaryKey(), owner: text().notNull() })
    const mine = view('mine', {}, { columnDefaults: { owner: sql`'nobody'` } }).as(
      sql`select ${notes.id}, ${notes.owner} from ${notes}`,
    )
    const own = { ...options({ notes, mine }), dir: join(dir, 'view-default-migrations') }
    const first = await generateMigration({ ...own, name: 'notes' })
    expect(first.plan.shadow).toBe(true)
    const up = await readFile(join(own.dir, first.written!.name, 'up.sql'), 'utf8')
    // As authored, while the model compares PostgreSQL's reprint ('nobody'::text).
    expect(up).toContain(`ALTER VIEW "public"."mine" ALTER COLUMN "owner" SET DEFAULT 'nobody'`)
    const again = await generateMigration(own)
    expect(again.plan.shadow).toBe(false)
    expect(again.written).toBeNull()
  })
})
