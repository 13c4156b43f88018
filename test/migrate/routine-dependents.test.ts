/**
 * A function whose result type changes is dropped and created again; the view, policy, column
 * default and check that call it step aside while it is (PostgreSQL refuses the drop otherwise) and
 * come back as the target has them, going up and coming back down.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SchemaModel } from 'tidemark'
import { introspect } from 'tidemark/pg'
import { expect, it } from 'vitest'
import { codegen } from '../../src/dialects/pg/codegen/codegen.js'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange } from '../../src/diff/describe.js'
import { diff } from '../../src/diff/index.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { loadGenerated } from '../dialects/pg/codegen/support.js'
import { resetDatabase } from '../diff/support.js'
import { applyStatements, readCatalog, withoutJournal } from '../support/catalog.js'
import { describeEachSchemaTarget, serverUrl } from '../support/databases.js'

const schemaWith = (result: 'integer' | 'bigint') => [
  `create function score(n integer) returns ${result} language sql immutable as 'select n * 2'`,
  `create table players (id integer primary key, level integer default score(1),
    constraint players_level_check check (score(level) >= 0))`,
  'alter table players enable row level security',
  'create policy positive on players using (score(id) > 0)',
  'create view scores as select id, score(level) as points from players',
]

describeEachSchemaTarget('routines dropped and created again', (target) => {
  const read = async (result: 'integer' | 'bigint'): Promise<SchemaModel> => {
    await resetDatabase(target.db)
    await applyStatements(target.db, schemaWith(result))
    return introspect(target.db)
  }

  it('take down what calls them, and put it back, up and down', async () => {
    const bigint = await read('bigint')
    const integer = await read('integer')
    const up = diff(integer, bigint)
    expect(up.map(describeChange)).toEqual([
      'drop policy positive on players',
      'drop default of players.level',
      'drop check players_level_check on players',
      'drop view scores',
      'drop function score(integer)',
      'create function score(integer)',
      'create view scores',
      'create policy positive on players',
      'set default of players.level',
      'add check players_level_check on players',
    ])
    await applyStatements(target.db, renderChanges(up))
    expect(await introspect(target.db)).toEqual(bigint)
    await applyStatements(target.db, renderChanges(diff(bigint, integer)))
    expect(await introspect(target.db)).toEqual(integer)
  })

  it('generate plans it from code, its shadow putting back what the replaced routine took along', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidemark-routine-dependents-'))
    const generate = async (result: 'integer' | 'bigint') => {
      await read(result)
      const desired = await loadGenerated(codegen(await introspect(target.db)).source)
      const options = {
        dir: join(dir, 'migrations'),
        desired,
        journal: DEFAULT_JOURNAL,
        shadow: { url: target.name === 'pglite' ? undefined : serverUrl, cacheDir: join(dir, 'cache') },
        resolveRenames: async (): Promise<never> => {
          throw new Error('no rename candidates expected')
        },
      }
      const written = await generateMigration({ ...options, name: result })
      expect((await generateMigration(options)).plan.up).toEqual([])
      return written.plan.up.map(describeChange)
    }
    try {
      await generate('integer')
      // Replayed, not read from the cache: the shadow then holds the view, policy, default and check.
      await rm(join(dir, 'cache'), { recursive: true, force: true })
      expect(await generate('bigint')).toContain('drop function score(integer)')
      const expected = await readCatalog(target.db)
      await resetDatabase(target.db)
      await migrate(target.db, await readMigrationFolder(join(dir, 'migrations')))
      expect(withoutJournal(await readCatalog(target.db))).toEqual(expected)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
