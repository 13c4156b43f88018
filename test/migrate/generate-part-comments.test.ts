/**
 * generate with comments on a table's keys, checks, indexes and policies, on a materialized view's
 * index, and with defaults on a view's columns: each is created with its object, set, changed and
 * removed in place (never by building the object again), its inverse going down, and carried along
 * when its object is built again; the next generate is empty. The folder then migrates a fresh
 * database up, and down again one step at a time, through exactly the states generate planned.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SchemaModel } from 'tidemark'
import {
  check,
  enableRowLevelSecurity,
  foreignKey,
  index,
  integer,
  introspect,
  materializedView,
  policy,
  primaryKey,
  sql,
  table,
  text,
  toModel,
  unique,
  uniqueIndex,
  view,
} from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, migrateDown, readMigrationFolder } from '../../src/migrate/index.js'
import { openShadow } from '../../src/migrate/replay/shadow.js'
import { noRenames, shadows, statementsOf } from './support/generate.js'

interface Parts {
  readonly primaryKey?: string
  readonly unique?: string
  readonly check?: string
  readonly foreignKey?: string
  readonly index?: string
  readonly policy?: string
  readonly viewIndex?: string
  /** The comments of the columns `id` of the materialized view and `author_id` of the view. */
  readonly viewIdColumn?: string
  readonly viewAuthorColumn?: string
  /** The default of the view's `author_id` column, as SQL that PostgreSQL reads back otherwise. */
  readonly viewDefault?: string
  /** Builds the index and the view again (another key, another query). */
  readonly rebuilt?: boolean
}

const commented = <T extends { comment(text: string): T }>(extra: T, text: string | undefined): T =>
  text === undefined ? extra : extra.comment(text)

function schemaWith(c: Parts): Record<string, unknown> {
  const authors = table('authors', { id: integer(), email: text().notNull(), name: text() }, (t) => [
    commented(primaryKey(t.id), c.primaryKey),
    commented(unique().on(t.email), c.unique),
    commented(check(sql`${t.id} > 0`), c.check),
    commented(index('authors_name_idx').on(c.rebuilt ? sql`lower(${t.name})` : t.name), c.index),
    enableRowLevelSecurity(),
    commented(policy('authors_read', { for: 'select', using: sql`${t.id} > 0` }), c.policy),
  ])
  const posts = table('posts', { id: integer().primaryKey(), authorId: integer('author_id') }, (t) => [
    commented(foreignKey({ columns: [t.authorId], references: () => [authors.id] }), c.foreignKey),
  ])
  const columnDefaults = c.viewDefault === undefined ? undefined : { author_id: sql.raw(c.viewDefault) }
  const columnComments = c.viewAuthorColumn === undefined ? undefined : { author_id: c.viewAuthorColumn }
  const recentPosts = view('recent_posts', {}, { columnDefaults, columnComments }).as(
    c.rebuilt
      ? sql`select ${posts.id}, ${posts.authorId} from ${posts} where ${posts.id} > 0`
      : sql`select ${posts.id}, ${posts.authorId} from ${posts}`,
  )
  const idComments = c.viewIdColumn === undefined ? undefined : { id: c.viewIdColumn }
  const authorIds = materializedView('author_ids', {}, { columnComments: idComments })
    .indexes(() => [commented(uniqueIndex().on(sql.identifier('id')), c.viewIndex)])
    .as(sql`select ${authors.id} from ${authors}`)
  return { authors, posts, recentPosts, authorIds }
}

const FIRST: Parts = {
  primaryKey: 'One row per author',
  unique: "One account per address, 'quoted'",
  check: 'No negative ids',
  foreignKey: 'Posts go with their author',
  index: 'By name',
  policy: 'Anyone reads',
  viewIndex: 'For concurrent refreshes',
  viewIdColumn: 'The author',
  viewAuthorColumn: 'Who wrote it',
  viewDefault: '1 + 1',
}
const SECOND: Parts = {
  primaryKey: 'Key',
  unique: 'Address',
  check: 'Positive',
  foreignKey: 'Author',
  index: 'Name',
  policy: 'Readers',
  viewIndex: 'Refreshes',
  viewIdColumn: 'Author',
  viewAuthorColumn: 'Writer',
  viewDefault: '2 + 2',
}

/**
 * The statements that set FIRST's or SECOND's comments and default in place, in plan order: the
 * default as written going up, as PostgreSQL reads it back (`(1 + 1)`) going down.
 */
const setInPlace = (p: Parts, readBack = false): string[] => {
  const text = (value: string | undefined) =>
    value === undefined ? 'NULL' : `'${value.replaceAll("'", "''")}'`
  return [
    `COMMENT ON INDEX "public"."author_ids_id_idx" IS ${text(p.viewIndex)}`,
    `COMMENT ON POLICY "authors_read" ON "public"."authors" IS ${text(p.policy)}`,
    `COMMENT ON CONSTRAINT "authors_pkey" ON "public"."authors" IS ${text(p.primaryKey)}`,
    `COMMENT ON CONSTRAINT "authors_email_key" ON "public"."authors" IS ${text(p.unique)}`,
    `COMMENT ON CONSTRAINT "authors_id_check" ON "public"."authors" IS ${text(p.check)}`,
    `COMMENT ON INDEX "public"."authors_name_idx" IS ${text(p.index)}`,
    `COMMENT ON CONSTRAINT "posts_author_id_fkey" ON "public"."posts" IS ${text(p.foreignKey)}`,
    `COMMENT ON COLUMN "public"."author_ids"."id" IS ${text(p.viewIdColumn)}`,
    p.viewDefault === undefined
      ? 'ALTER VIEW "public"."recent_posts" ALTER COLUMN "author_id" DROP DEFAULT'
      : `ALTER VIEW "public"."recent_posts" ALTER COLUMN "author_id" SET DEFAULT ${readBack ? `(${p.viewDefault})` : p.viewDefault}`,
    `COMMENT ON COLUMN "public"."recent_posts"."author_id" IS ${text(p.viewAuthorColumn)}`,
  ]
}

for (const shadow of shadows) {
  describe(`generate with comments on keys, indexes and policies, and view column defaults [${shadow.name}]`, () => {
    let dir: string
    let step = 0
    /** What each migration builds, in order. */
    const targets: SchemaModel[] = []
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-part-comments-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const generate = async (parts: Parts) => {
      const options = {
        dir: join(dir, 'migrations'),
        desired: toModel(schemaWith(parts)),
        journal: DEFAULT_JOURNAL,
        shadow: { url: shadow.url, cacheDir: join(dir, 'cache') },
        resolveRenames: noRenames,
      }
      step += 1
      const result = await generateMigration({ ...options, now: new Date(Date.UTC(2030, 0, 1, 0, 0, step)) })
      expect(result.written).not.toBeNull()
      targets.push(result.plan.target)
      const again = await generateMigration(options)
      expect(again.written).toBeNull()
      const read = (file: string) => readFile(join(result.written!.dir, file), 'utf8')
      return { up: statementsOf(await read('up.sql')), down: statementsOf(await read('down.sql')) }
    }

    it('creates each object with its comment (or default) right after it', async () => {
      const { up } = await generate(FIRST)
      const following = (prefix: string, count = 1) => {
        const at = up.findIndex((s) => s.startsWith(prefix))
        expect(at, prefix).toBeGreaterThanOrEqual(0)
        return up.slice(at + 1, at + 1 + count)
      }
      expect(following('CREATE TABLE "public"."authors"', 4)).toEqual([
        'ALTER TABLE "public"."authors" ENABLE ROW LEVEL SECURITY',
        `COMMENT ON CONSTRAINT "authors_pkey" ON "public"."authors" IS 'One row per author'`,
        `COMMENT ON CONSTRAINT "authors_email_key" ON "public"."authors" IS 'One account per address, ''quoted'''`,
        `COMMENT ON CONSTRAINT "authors_id_check" ON "public"."authors" IS 'No negative ids'`,
      ])
      expect(following('ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_author_id_fkey"')).toEqual([
        `COMMENT ON CONSTRAINT "posts_author_id_fkey" ON "public"."posts" IS 'Posts go with their author'`,
      ])
      expect(following('CREATE INDEX "authors_name_idx"')).toEqual([
        `COMMENT ON INDEX "public"."authors_name_idx" IS 'By name'`,
      ])
      expect(following('CREATE UNIQUE INDEX "author_ids_id_idx"')).toEqual([
        `COMMENT ON INDEX "public"."author_ids_id_idx" IS 'For concurrent refreshes'`,
      ])
      expect(following('CREATE POLICY "authors_read"')).toEqual([
        `COMMENT ON POLICY "authors_read" ON "public"."authors" IS 'Anyone reads'`,
      ])
      expect(following('CREATE VIEW "public"."recent_posts"', 2)).toEqual([
        `COMMENT ON COLUMN "public"."recent_posts"."author_id" IS 'Who wrote it'`,
        'ALTER VIEW "public"."recent_posts" ALTER COLUMN "author_id" SET DEFAULT 1 + 1',
      ])
      expect(following('CREATE MATERIALIZED VIEW "public"."author_ids"')).toEqual([
        `COMMENT ON COLUMN "public"."author_ids"."id" IS 'The author'`,
      ])
    })

    it('changes each in place, and changes it back going down', async () => {
      const { up, down } = await generate(SECOND)
      expect(up).toEqual(setInPlace(SECOND))
      expect(down).toEqual(setInPlace(FIRST, true))
    })

    it('removes each in place, and sets it again going down', async () => {
      const { up, down } = await generate({})
      expect(up).toEqual(setInPlace({}))
      expect(down).toEqual(setInPlace(SECOND, true))
    })

    it('carries the comment and the default along when the index and the view are built again', async () => {
      const { up } = await generate({ ...SECOND, rebuilt: true })
      const at = (prefix: string) => up.findIndex((s) => s.startsWith(prefix))
      expect(up[at('CREATE INDEX "authors_name_idx"') + 1]).toBe(
        `COMMENT ON INDEX "public"."authors_name_idx" IS 'Name'`,
      )
      expect(up.slice(at('CREATE VIEW "public"."recent_posts"') + 1).slice(0, 2)).toEqual([
        `COMMENT ON COLUMN "public"."recent_posts"."author_id" IS 'Writer'`,
        'ALTER VIEW "public"."recent_posts" ALTER COLUMN "author_id" SET DEFAULT 2 + 2',
      ])
      // The other parts are set in place: nothing else is built again.
      expect(up.filter((s) => s.startsWith('CREATE') || s.startsWith('DROP'))).toEqual([
        'DROP VIEW "public"."recent_posts"',
        'DROP INDEX "public"."authors_name_idx"',
        expect.stringMatching(/^CREATE INDEX "authors_name_idx"/),
        expect.stringMatching(/^CREATE VIEW "public"\."recent_posts"/),
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
