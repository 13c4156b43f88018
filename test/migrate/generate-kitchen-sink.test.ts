/**
 * generate on a schema with every construct, expressions included (checks, expression and partial
 * indexes, generated columns, expression defaults, views): the first migration builds it, and
 * generating again finds nothing, because both sides are compared as PostgreSQL reads them back.
 * On the embedded shadow (PostgreSQL 18) and, when configured, a server shadow.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toModel } from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeChange } from '../../src/diff/describe.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, readMigrationFolder, writeSumFile } from '../../src/migrate/index.js'
import * as kitchenSink from '../fixtures/kitchen-sink.js'
import { noRenames, shadows } from './support/generate.js'

for (const shadow of shadows) {
  describe(`generate on the kitchen-sink schema [${shadow.name}]`, () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-generate-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))
    const options = () => ({
      dir: join(dir, 'migrations'),
      desired: toModel(kitchenSink),
      journal: DEFAULT_JOURNAL,
      shadow: { url: shadow.url, cacheDir: join(dir, 'cache') },
      resolveRenames: noRenames,
    })

    it('writes one migration that builds it, then nothing', async () => {
      const first = await generateMigration({ ...options(), name: 'kitchen sink' })
      expect(first.written?.name).toMatch(/^\d{14}_kitchen_sink$/)
      const up = await readFile(join(first.written!.dir, 'up.sql'), 'utf8')
      // The author's expressions are what the file shows.
      expect(up).toContain('CREATE TABLE "public"."accounts"')
      const second = await generateMigration(options())
      expect(second.written).toBeNull()
      expect(second.plan.up).toEqual([])
    })

    it('reads the same models from its cache of the history as from a replay', async () => {
      const fromCache = await generateMigration(options())
      await rm(join(dir, 'cache'), { recursive: true, force: true })
      const replayed = await generateMigration(options())
      expect(fromCache.plan.current).toEqual(replayed.plan.current)
      expect(fromCache.plan.target).toEqual(replayed.plan.target)
      expect(fromCache.written).toBeNull()
      // The server shadow keeps no cache.
      expect([fromCache.plan.history, replayed.plan.history]).toEqual([
        shadow.url === undefined ? 'cached' : 'replayed',
        'replayed',
      ])
    })

    it('drops the routines hand-written migrations add that the schema does not declare, and keeps the kinds it cannot declare', async () => {
      const folder = join(dir, 'migrations')
      const name = '29991231235959_touch_function'
      const { mkdir } = await import('node:fs/promises')
      await mkdir(join(folder, name))
      await writeFile(
        join(folder, name, 'up.sql'),
        [
          'create schema util;',
          'create function util.positive(n numeric) returns boolean language sql immutable as $$ select n > 0 $$;',
          'create function public.touch() returns trigger language plpgsql as $$ begin new.updated_at = now(); return new; end $$;',
          "create aggregate public.total(integer) (sfunc = int4pl, stype = integer, initcond = '0');",
          'create cast (text as public.role) with inout;',
          'create publication accounts_feed for table public.accounts (id, name);',
          'create statistics public.accounts_seats_balance (dependencies) on seats, balance from public.accounts;',
          'insert into public.literal_defaults (id) values (1);',
        ].join('\n'),
      )
      await writeSumFile(folder, (await readMigrationFolder(folder)).migrations)
      const result = await generateMigration({ ...options(), name: 'drop undeclared' })
      expect(result.plan.up.map(describeChange)).toEqual([
        'drop function util.positive(numeric)',
        'drop function touch()',
        'drop schema util',
      ])
      expect(result.plan.up.flatMap((c) => c.hazards.map((h) => h.kind))).toEqual(['breaking', 'breaking'])
      // Aggregates, casts, publications and statistics are not declared by the schema: they stay as
      // the migrations made them.
      expect(result.plan.target.definedObjects.map((o) => `${o.kind} ${o.schema}.${o.name}`)).toEqual([
        'aggregate public.total(integer)',
        'cast public.(text AS public.role)',
        'publication public.accounts_feed',
        'statistics object public.accounts_seats_balance',
      ])
      // From a replay, then from the cached history: nothing more to write.
      for (const _ of [1, 2]) expect((await generateMigration(options())).written).toBeNull()
      expect((await readdir(folder)).length).toBe(4)
    })
  })
}
