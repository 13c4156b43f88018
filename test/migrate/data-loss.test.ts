import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DataLossError,
  type DataLossRisk,
  declaredHazards,
  migrate,
  migrateDown,
  readMigrationFolder,
} from '../../src/migrate/index.js'
import { describeEachDatabase } from '../support/databases.js'
import { journalRows, resetDatabase } from './support/journal.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'

const M1 = '20261201000000_users'
const M2 = '20261201000100_drop_bio'

const dropBio = [
  '-- 20261201000100_drop_bio (up), written by tidemark generate',
  '--',
  '-- drop column public.users.bio',
  '--',
  '-- Hazards:',
  '--   data-loss: drops column users.bio and its values',
  '--   breaking: queries that read users.bio fail',
  '',
  'ALTER TABLE "public"."users" DROP COLUMN "bio";',
  '-- Hazards:',
  '--   data-loss: a comment after the first statement is not the header',
  '',
].join('\n')

describe('declaredHazards', () => {
  it("reads the hazards listed in a file's header, and nothing after its first statement", () => {
    expect(declaredHazards(dropBio)).toEqual([
      { kind: 'data-loss', message: 'drops column users.bio and its values' },
      { kind: 'breaking', message: 'queries that read users.bio fail' },
    ])
    expect(
      declaredHazards('-- tidemark:no-transaction\n-- data-loss: not in a Hazards list\nselect 1;'),
    ).toEqual([])
    expect(declaredHazards('-- Hazards:\n--   unheard-of: not a hazard kind\n')).toEqual([])
  })
})

describeEachDatabase('migrations that lose data', (target) => {
  let dir: TempDir
  beforeEach(async () => {
    dir = await makeTempDir()
    await dir.add(M1, { up: 'create table users (id int, bio text);', down: 'drop table users;' })
    await dir.add(M2, { up: dropBio, down: 'alter table users add column bio text;' })
  })
  afterEach(async () => {
    await dir.remove()
    await resetDatabase(target.db)
  })
  const folder = () => readMigrationFolder(dir.path)
  const applied = async () => (await journalRows(target.db)).map((r) => r.name)

  it('refuses a pending migration that declares data loss before anything runs, unless allowed', async () => {
    const error = await migrate(target.db, await folder(), { allowDataLoss: false }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataLossError)
    expect((error as DataLossError).risks).toEqual([
      { name: M2, direction: 'up', reasons: ['drops column users.bio and its values'] },
    ])
    expect((error as Error).message).toContain('allowDataLoss: true')
    expect(await applied()).toEqual([]) // not even the harmless M1

    const asked: DataLossRisk[][] = []
    const declined = await migrate(target.db, await folder(), {
      allowDataLoss: (risks) => {
        asked.push([...risks])
        return false
      },
    }).catch((e: unknown) => e)
    expect(declined).toBeInstanceOf(DataLossError)
    expect(asked.map((risks) => risks.map((r) => r.name))).toEqual([[M2]])
    expect(await applied()).toEqual([])

    const result = await migrate(target.db, await folder(), { allowDataLoss: async () => true })
    expect(result.applied.map((a) => a.name)).toEqual([M1, M2])
  })

  it('applies migrations that lose nothing without asking', async () => {
    const asked: unknown[] = []
    const folderWithoutLoss = { ...(await folder()), migrations: (await folder()).migrations.slice(0, 1) }
    await migrate(target.db, folderWithoutLoss, { allowDataLoss: (risks) => asked.push(risks) > 0 })
    expect(asked).toEqual([])
    expect(await applied()).toEqual([M1])
  })

  it('undoes migrations only when allowed: undoing one loses what it held', async () => {
    await migrate(target.db, await folder())
    const error = await migrateDown(target.db, await folder(), { steps: 2, allowDataLoss: false }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(DataLossError)
    expect((error as DataLossError).risks.map((r) => [r.name, r.direction])).toEqual([
      [M2, 'down'],
      [M1, 'down'],
    ])
    expect(await applied()).toEqual([M1, M2])

    await migrateDown(target.db, await folder(), { steps: 2, allowDataLoss: true })
    expect(await applied()).toEqual([])
  })
})
