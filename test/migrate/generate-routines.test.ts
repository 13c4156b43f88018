/**
 * generate with extensions, functions, procedures and triggers declared in the schema: the first
 * migration creates them in an order PostgreSQL accepts; editing a body replaces the function in
 * place; changing a result type drops and recreates it; trigger states and comments change with
 * ALTER and COMMENT; a reformatted statement is no change; a removed routine is dropped with a
 * breaking hazard. A fresh database then migrates through every state, up and down, and its
 * catalog (read straight from pg_catalog) matches what generate planned.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toModel } from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeChange } from '../../src/diff/describe.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, migrateDown, readMigrationFolder } from '../../src/migrate/index.js'
import { openShadow } from '../../src/migrate/replay/shadow.js'
import { routinesSchema, type Version } from '../fixtures/routines.js'
import { type CatalogSnapshot, readCatalog } from '../support/catalog.js'
import { noRenames, shadows, statementsOf } from './support/generate.js'

for (const shadow of shadows) {
  describe(`generate with routines and triggers [${shadow.name}]`, () => {
    let dir: string
    let step = 0
    /** The catalog of the shadow after each generate: what each migration must build. */
    const plans: { version: Version; described: string[] }[] = []
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-routines-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const options = (version: Version) => ({
      dir: join(dir, 'migrations'),
      desired: toModel(routinesSchema(version)),
      journal: DEFAULT_JOURNAL,
      shadow: { url: shadow.url, cacheDir: join(dir, 'cache') },
      resolveRenames: noRenames,
    })

    const generate = async (version: Version) => {
      step += 1
      const result = await generateMigration({
        ...options(version),
        now: new Date(Date.UTC(2030, 0, 1, 0, 0, step)),
      })
      expect(result.written).not.toBeNull()
      const again = await generateMigration(options(version))
      expect(again.plan.up.map(describeChange)).toEqual([])
      const read = (file: string) => readFile(join(result.written!.dir, file), 'utf8')
      const described = result.plan.up.map(describeChange)
      plans.push({ version, described })
      return {
        up: statementsOf(await read('up.sql')),
        down: statementsOf(await read('down.sql')),
        described,
        hazards: result.plan.up.flatMap((c) => c.hazards),
      }
    }

    it('creates the extension first, routines before the tables that call them, standard bodies and triggers after', async () => {
      const { up, down } = await generate(1)
      const at = (prefix: string) => {
        const index = up.findIndex((s) => s.startsWith(prefix))
        expect(index, prefix).toBeGreaterThanOrEqual(0)
        return index
      }
      expect(at('CREATE EXTENSION IF NOT EXISTS "pgcrypto"')).toBe(0)
      // A SQL body reads a table created later: bodies are checked by generate, not at migrate time.
      expect(at('SET LOCAL check_function_bodies = off')).toBeLessThan(
        at('CREATE OR REPLACE FUNCTION "public"."user_count"'),
      )
      expect(at('CREATE OR REPLACE FUNCTION "public"."touch"')).toBeLessThan(
        at('CREATE TABLE "public"."users"'),
      )
      // The statement as written, made CREATE OR REPLACE.
      expect(up).toContain(
        "create or replace function add(a int, b int) returns int language sql immutable as 'select a + b'",
      )
      expect(at('create or replace function slug')).toBeGreaterThan(at('CREATE TABLE "public"."users"'))
      expect(at('CREATE TRIGGER "users_touch"')).toBeGreaterThan(at('CREATE TABLE "public"."users"'))
      expect(at('CREATE TRIGGER "active_users_insert"')).toBeGreaterThan(
        at('CREATE VIEW "public"."active_users"'),
      )
      expect(up).toContain('ALTER TABLE "public"."users" DISABLE TRIGGER "users_note"')
      expect(up).toContain(`COMMENT ON FUNCTION "public"."touch"() IS 'Sets updated_at'`)
      expect(up).toContain(`COMMENT ON TRIGGER "users_touch" ON "public"."users" IS 'Keeps updated_at'`)
      expect(down).toContain('DROP FUNCTION "public"."add"(numeric, numeric)')
      expect(down).toContain('DROP FUNCTION "public"."add"(integer, integer)')
      expect(down.at(-1)).toBe('DROP EXTENSION "pgcrypto"')
    })

    it('replaces an edited body in place, recreates a function whose result changes, and alters trigger states and comments', async () => {
      const { up, down, described, hazards } = await generate(2)
      expect(described).toEqual([
        'drop function add(numeric, numeric)',
        'create function add(numeric, numeric)',
        'replace function touch()',
        'change comment on function touch()',
        'enable always trigger users_note on users',
        'disable trigger users_touch on users',
      ])
      // The reformatted add(integer, integer) and the unchanged triggers are not touched.
      expect(up.some((s) => s.includes('DROP TRIGGER'))).toBe(false)
      expect(hazards.map((h) => h.kind)).toEqual(['breaking', 'breaking'])
      expect(down).toContain('ALTER TABLE "public"."users" ENABLE TRIGGER "users_touch"')
      expect(down).toContain('ALTER TABLE "public"."users" DISABLE TRIGGER "users_note"')
      expect(down.find((s) => s.includes('FUNCTION public.touch()'))).toContain('now()')
    })

    it('drops routines the schema no longer declares, with a breaking hazard, and removes a comment', async () => {
      const { described, hazards, down } = await generate(3)
      expect(described).toEqual([
        'remove comment on function touch()',
        'drop procedure archive(integer)',
        'drop function slug(text)',
      ])
      expect(hazards.map((h) => h.message)).toEqual([
        'drops procedure archive(integer): whatever still calls it fails',
        'drops function slug(text): whatever still calls it fails',
      ])
      expect(down.some((s) => s.includes('FUNCTION public.slug(t text)'))).toBe(true)
    })

    it('migrates a fresh database through every state, up and down, with the catalog each generate planned', async () => {
      const fresh = await openShadow(
        shadow.url === undefined ? { cacheDir: join(dir, 'cache') } : { url: shadow.url },
      )
      const expected: CatalogSnapshot[] = []
      try {
        const folder = await readMigrationFolder(join(dir, 'migrations'))
        // Each state's catalog, built by loading the schema directly (another fresh database).
        for (const { version } of plans) {
          const direct = await openShadow(
            shadow.url === undefined ? { cacheDir: join(dir, 'cache') } : { url: shadow.url },
          )
          try {
            await migrate(direct.db, { ...folder, migrations: folder.migrations.slice(0, version) })
            expected.push(await readCatalog(direct.db))
          } finally {
            await direct.close()
          }
        }
        await migrate(fresh.db, folder)
        const last = await readCatalog(fresh.db)
        expect(Object.keys(last.routines)).toEqual([
          'public.add(a integer, b integer)',
          'public.add(a numeric, b numeric)',
          'public.insert_active_user()',
          'public.note()',
          'public.touch()',
          'public.user_count()',
        ])
        expect(last.triggers['public.users.users_touch']).toMatchObject({
          enabled: 'D',
          comment: 'Keeps updated_at',
        })
        expect(last.triggers['public.users.users_note']!.enabled).toBe('A')
        expect(last.triggers['public.active_users.active_users_insert']!.definition).toContain(
          'INSTEAD OF INSERT',
        )
        expect(last.extensions).toEqual({ pgcrypto: 'public' })
        expect(last).toEqual(expected.at(-1))
        for (const state of expected.slice(0, -1).reverse()) {
          await migrateDown(fresh.db, folder)
          expect(await readCatalog(fresh.db)).toEqual(state)
        }
        // The routines and triggers work: the trigger fires, the view takes inserts.
        await fresh.db.execute({
          sql: `insert into public.active_users (id, email) values (1, 'a@example.com')`,
          params: [],
        })
        const { rows } = await fresh.db.execute<{ n: string }>({
          sql: 'select public.user_count()::text as n',
          params: [],
        })
        expect(rows).toEqual([{ n: '1' }])
      } finally {
        await fresh.close()
      }
    })
  })
}
