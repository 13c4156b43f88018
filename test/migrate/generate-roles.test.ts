/**
 * Roles are cluster-wide, so policies and grants name roles no migration creates. The embedded
 * shadow database creates the roles the schema and the history name before loading them, and
 * leaves alone those a migration creates itself.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { enableRowLevelSecurity, integer, policy, sql, table, toModel } from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, readMigrationFolder, writeSumFile } from '../../src/migrate/index.js'
import { noRenames } from './support/generate.js'

describe('roles on the embedded shadow', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidemark-roles-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const notes = table('notes', { id: integer().primaryKey(), owner: integer().notNull() }, (t) => [
    enableRowLevelSecurity(),
    policy('own_notes', { to: ['app_user', 'Support Staff'], using: sql`${t.owner} = 1` }),
  ])
  const options = () => ({
    dir: join(dir, 'migrations'),
    desired: toModel({ notes }),
    journal: DEFAULT_JOURNAL,
    shadow: { cacheDir: join(dir, 'cache') },
    resolveRenames: noRenames,
  })

  it('loads a schema whose policies name roles the shadow does not have', async () => {
    const first = await generateMigration({ ...options(), name: 'notes' })
    expect(first.plan.target.tables[0]!.policies[0]!.roles).toEqual(['Support Staff', 'app_user'])
  })

  it('replays a history that grants to roles and creates one of its own', async () => {
    const folder = join(dir, 'migrations')
    const name = '29990101000000_grants'
    await mkdir(join(folder, name))
    await writeFile(
      join(folder, name, 'up.sql'),
      'create role reporting nologin;\ngrant select on notes to app_user, reporting;\nalter table notes owner to current_user;\n',
    )
    await writeSumFile(folder, (await readMigrationFolder(folder)).migrations)
    // Without the cached reading, the history is replayed from its files.
    await rm(join(dir, 'cache'), { recursive: true, force: true })
    const again = await generateMigration(options())
    expect(again.plan.history).toBe('replayed')
    expect(again.written).toBeNull()
  })
})
