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
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, readMigrationFolder, writeSumFile } from '../../src/migrate/index.js'
import * as kitchenSink from '../fixtures/kitchen-sink.js'
import { serverUrl } from '../support/databases.js'

const noRenames = async (): Promise<never> => {
  throw new Error('no rename candidates expected')
}

const shadows = [
  { name: 'embedded shadow', url: undefined },
  ...(serverUrl === undefined ? [] : [{ name: 'server shadow', url: serverUrl }]),
]

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

    it('keeps what hand-written migrations add that the schema does not declare', async () => {
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
          'insert into public.literal_defaults (id) values (1);',
        ].join('\n'),
      )
      await writeSumFile(folder, (await readMigrationFolder(folder)).migrations)
      // First from a replay, then from the cached history: the same answer, nothing to write.
      for (const _ of [1, 2]) {
        const result = await generateMigration(options())
        expect(result.written).toBeNull()
        expect(result.plan.current.others.map((o) => `${o.kind} ${o.schema}.${o.name}`)).toEqual(
          expect.arrayContaining(['function public.touch()', 'function util.positive(numeric)']),
        )
        expect(result.plan.current.schemas).toContain('util')
      }
      expect((await readdir(folder)).length).toBe(3)
    })
  })
}
