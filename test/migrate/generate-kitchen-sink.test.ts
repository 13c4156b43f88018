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

    it('keeps what hand-written migrations add that the schema does not declare', async () => {
      const folder = join(dir, 'migrations')
      const name = '29991231235959_touch_function'
      const { mkdir } = await import('node:fs/promises')
      await mkdir(join(folder, name))
      await writeFile(
        join(folder, name, 'up.sql'),
        `create function public.touch() returns trigger language plpgsql as $$ begin new.updated_at = now(); return new; end $$;\ninsert into public.literal_defaults (id) values (1);\n`,
      )
      await writeSumFile(folder, (await readMigrationFolder(folder)).migrations)
      const result = await generateMigration(options())
      expect(result.written).toBeNull()
      expect(result.plan.current.others.map((o) => `${o.kind} ${o.name}`)).toContain('function touch()')
      expect((await readdir(folder)).length).toBe(3)
    })
  })
}
