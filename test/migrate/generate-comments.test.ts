/**
 * generate with comments: a table created with comments gets them right after its CREATE; setting,
 * changing and removing the comment of each kind of object writes COMMENT ON up and its inverse
 * down; the next generate is empty. The folder then migrates a fresh database up, and down again
 * one step at a time, through exactly the states generate planned.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SchemaModel } from 'tidemark'
import {
  comment,
  enumType,
  integer,
  introspect,
  materializedView,
  sql,
  table,
  text,
  toModel,
  view,
} from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, migrateDown, readMigrationFolder } from '../../src/migrate/index.js'
import { openShadow } from '../../src/migrate/replay/shadow.js'
import { noRenames, shadows, statementsOf } from './support/generate.js'

interface Comments {
  readonly table?: string
  readonly column?: string
  readonly view?: string
  readonly matview?: string
  readonly enum?: string
}

function schemaWith(c: Comments): Record<string, unknown> {
  const mood = enumType('mood', ['ok', 'sad'], { comment: c.enum })
  const email = text().notNull()
  const users = table(
    'users',
    {
      id: integer().primaryKey(),
      email: c.column === undefined ? email : email.comment(c.column),
      mood: mood(),
    },
    () => (c.table === undefined ? [] : [comment(c.table)]),
  )
  const userIds = view('user_ids', {}, { comment: c.view }).as(sql`select ${users.id} from ${users}`)
  const moodCounts = materializedView('mood_counts', {}, { comment: c.matview }).as(
    sql`select ${users.mood}, count(*) as n from ${users} group by ${users.mood}`,
  )
  return { mood, users, userIds, moodCounts }
}

const FIRST: Comments = {
  table: "Registered users: 'quoted'",
  column: 'Login, a \\ backslash',
  view: 'Ids ✓',
  matview: 'Counts\nper mood',
  enum: 'How it went',
}
const SECOND: Comments = { table: 'Users', column: 'Login', view: 'Ids', matview: 'Counts', enum: 'Mood' }

for (const shadow of shadows) {
  describe(`generate with comments [${shadow.name}]`, () => {
    let dir: string
    let step = 0
    /** What each migration builds, in order. */
    const targets: SchemaModel[] = []
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-comments-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const generate = async (comments: Comments) => {
      const options = {
        dir: join(dir, 'migrations'),
        desired: toModel(schemaWith(comments)),
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

    it('creates objects with their comments right after their CREATE, and drops them without', async () => {
      const { up, down } = await generate(FIRST)
      const next = (prefix: string) => up[up.findIndex((s) => s.startsWith(prefix)) + 1]
      expect(next('CREATE TYPE "public"."mood"')).toBe(`COMMENT ON TYPE "public"."mood" IS 'How it went'`)
      expect(next('CREATE TABLE "public"."users"')).toBe(
        `COMMENT ON TABLE "public"."users" IS 'Registered users: ''quoted'''`,
      )
      expect(next('COMMENT ON TABLE "public"."users"')).toBe(
        `COMMENT ON COLUMN "public"."users"."email" IS E'Login, a \\\\ backslash'`,
      )
      expect(next('CREATE VIEW "public"."user_ids"')).toBe(`COMMENT ON VIEW "public"."user_ids" IS 'Ids ✓'`)
      expect(next('CREATE MATERIALIZED VIEW "public"."mood_counts"')).toBe(
        `COMMENT ON MATERIALIZED VIEW "public"."mood_counts" IS 'Counts\nper mood'`,
      )
      expect(up.filter((s) => s.startsWith('COMMENT ON'))).toHaveLength(5)
      expect(down.filter((s) => s.startsWith('COMMENT ON'))).toEqual([])
    })

    it('changes every comment, and changes it back going down', async () => {
      const { up, down } = await generate(SECOND)
      expect(up).toEqual([
        `COMMENT ON TABLE "public"."users" IS 'Users'`,
        `COMMENT ON COLUMN "public"."users"."email" IS 'Login'`,
        `COMMENT ON MATERIALIZED VIEW "public"."mood_counts" IS 'Counts'`,
        `COMMENT ON VIEW "public"."user_ids" IS 'Ids'`,
        `COMMENT ON TYPE "public"."mood" IS 'Mood'`,
      ])
      expect(down).toEqual([
        `COMMENT ON TABLE "public"."users" IS 'Registered users: ''quoted'''`,
        `COMMENT ON COLUMN "public"."users"."email" IS E'Login, a \\\\ backslash'`,
        `COMMENT ON MATERIALIZED VIEW "public"."mood_counts" IS 'Counts\nper mood'`,
        `COMMENT ON VIEW "public"."user_ids" IS 'Ids ✓'`,
        `COMMENT ON TYPE "public"."mood" IS 'How it went'`,
      ])
    })

    it('removes every comment with IS NULL, and sets it again going down', async () => {
      const { up, down } = await generate({})
      expect(up).toEqual([
        'COMMENT ON TABLE "public"."users" IS NULL',
        'COMMENT ON COLUMN "public"."users"."email" IS NULL',
        'COMMENT ON MATERIALIZED VIEW "public"."mood_counts" IS NULL',
        'COMMENT ON VIEW "public"."user_ids" IS NULL',
        'COMMENT ON TYPE "public"."mood" IS NULL',
      ])
      expect(down).toEqual([
        `COMMENT ON TABLE "public"."users" IS 'Users'`,
        `COMMENT ON COLUMN "public"."users"."email" IS 'Login'`,
        `COMMENT ON MATERIALIZED VIEW "public"."mood_counts" IS 'Counts'`,
        `COMMENT ON VIEW "public"."user_ids" IS 'Ids'`,
        `COMMENT ON TYPE "public"."mood" IS 'Mood'`,
      ])
    })

    it('adds comments to objects that had none', async () => {
      const { up, down } = await generate({ column: 'Login', view: 'Ids' })
      expect(up).toEqual([
        `COMMENT ON COLUMN "public"."users"."email" IS 'Login'`,
        `COMMENT ON VIEW "public"."user_ids" IS 'Ids'`,
      ])
      expect(down).toEqual([
        'COMMENT ON COLUMN "public"."users"."email" IS NULL',
        'COMMENT ON VIEW "public"."user_ids" IS NULL',
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
