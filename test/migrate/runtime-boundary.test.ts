/**
 * An app that applies its migrations when it starts imports `tidemark/migrate`. Loading that entry
 * must load the runner and the folder reader and none of the tooling (replay, generate, check,
 * baseline, the differ and the other stages of the schema pipeline), which the entry reaches only through imports made when one of its functions is called.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import * as entry from '../../src/migrate.js'
import { emptyModel } from '../../src/model/empty-model.js'
import { directImports, reachableModules } from '../support/import-graph.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
// The schema pipeline (tidemark/model) is tooling too: the differ and the stages of dialects/pg.
const TOOLING =
  /^src\/(migrate\/(replay|generate|check|baseline)|cli|studio|diff|dialects\/pg\/(to-model|introspect|ddl|codegen))\//

describe('tidemark/migrate', () => {
  it('loads the runner and the folder reader, and none of the tooling', () => {
    const loaded = reachableModules(root, 'src/migrate.ts', 'static')
    expect(loaded).toContain('src/migrate/runner/migrate.ts')
    expect(loaded).toContain('src/migrate/runner/migrate-down.ts')
    expect(loaded).toContain('src/migrate/folder/migration-folder.ts')
    expect(loaded.filter((file) => TOOLING.test(file))).toEqual([])
  })

  it('reaches generate, check and baseline through imports made when they are called', () => {
    expect(reachableModules(root, 'src/migrate.ts', 'static')).toContain('src/migrate/lazy-tooling.ts')
    expect(directImports(root, 'src/migrate/lazy-tooling.ts', 'static')).toEqual([])
    expect(directImports(root, 'src/migrate/lazy-tooling.ts', 'all').sort()).toEqual([
      'src/migrate/baseline/baseline.ts',
      'src/migrate/baseline/drizzle/adopt-drizzle.ts',
      'src/migrate/check/check.ts',
      'src/migrate/generate/generate.ts',
    ])
  })

  it('no module of runner/ or folder/ loads the tooling, even through another folder', () => {
    const rooms = reachableModules(root, 'src/migrate/index.ts', 'all').filter((file) =>
      /^src\/migrate\/(runner|folder)\//.test(file),
    )
    expect(rooms.length).toBeGreaterThan(20)
    for (const file of rooms) {
      const loaded = reachableModules(root, file, 'all')
      expect(
        loaded.filter((f) => TOOLING.test(f)),
        file,
      ).toEqual([])
    }
  })
})

describe('a tooling function of tidemark/migrate, loaded on call', () => {
  let dir: string | undefined
  afterAll(() => (dir === undefined ? undefined : rm(dir, { recursive: true, force: true })))

  it('runs the module it loads: generateMigration refuses a folder without its sum file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidemark-lazy-'))
    await mkdir(join(dir, '20260101000000_init'))
    await writeFile(join(dir, '20260101000000_init', 'up.sql'), 'create table t (id int);\n')
    await writeFile(join(dir, '20260101000000_init', 'down.sql'), 'drop table t;\n')
    const generating = entry.generateMigration({
      dir,
      desired: emptyModel,
      journal: entry.DEFAULT_JOURNAL,
      resolveRenames: async (_candidates, decided) => decided,
    })
    // The error class is the one the entry exports: the module loaded on call is not a second copy.
    await expect(generating).rejects.toBeInstanceOf(entry.MigrationSumError)
    await expect(generating).rejects.toThrow(/tidemark\.sum is missing/)
  })
})
