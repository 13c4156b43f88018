import { execFile } from 'node:child_process'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readMigrationFolder, renderSumFile, verifySumFile, writeSumFile } from '../../src/migrate/index.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'

const run = promisify(execFile)

let dir: TempDir
beforeEach(async () => {
  dir = await makeTempDir()
  await dir.add('20261125101500_create_users', {
    up: 'create table users (id int);\n',
    down: 'drop table users;\n',
  })
  await dir.add('20261126090000_add_name', { up: 'alter table users add column name text;\n' })
})
afterEach(() => dir.remove())

async function hashAndRead() {
  await writeSumFile(dir.path, (await readMigrationFolder(dir.path)).migrations)
  return readMigrationFolder(dir.path)
}

const kinds = (problems: { kind: string; migration?: string }[]) =>
  problems.map((p) => (p.migration ? `${p.kind} ${p.migration}` : p.kind))

describe('tidemark.sum', () => {
  it('renders a total line and one line per migration, and round-trips without problems', async () => {
    const folder = await hashAndRead()
    const lines = folder.sum!.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/^total [0-9a-f]{64}$/)
    expect(lines[1]).toMatch(/^20261125101500_create_users [0-9a-f]{64}$/)
    expect(lines[2]).toMatch(/^20261126090000_add_name [0-9a-f]{64}$/)
    expect(lines[3]).toBe('')
    expect(verifySumFile(folder)).toEqual([])
    expect(renderSumFile(folder.migrations)).toBe(folder.sum)
  })

  it('detects an edited up.sql or down.sql, naming the migration and the fix', async () => {
    await hashAndRead()
    await writeFile(
      join(dir.path, '20261125101500_create_users', 'down.sql'),
      'drop table if exists users;\n',
    )
    const problems = verifySumFile(await readMigrationFolder(dir.path))
    expect(kinds(problems)).toEqual(['edited 20261125101500_create_users'])
    expect(problems[0]!.message).toContain('tidemark hash')
  })

  it('detects an added and a removed migration', async () => {
    await hashAndRead()
    await dir.add('20261127000000_more', { up: 'select 1;\n' })
    await rm(join(dir.path, '20261126090000_add_name'), { recursive: true })
    expect(kinds(verifySumFile(await readMigrationFolder(dir.path)))).toEqual([
      'added 20261127000000_more',
      'removed 20261126090000_add_name',
    ])
  })

  it('detects a hand-edited line through the total', async () => {
    const folder = await hashAndRead()
    const tampered = folder.sum!.replace(
      /^(20261126090000_add_name) [0-9a-f]{64}$/m,
      (_, name) => `${name} ${'0'.repeat(64)}`,
    )
    await writeFile(join(dir.path, 'tidemark.sum'), tampered)
    expect(kinds(verifySumFile(await readMigrationFolder(dir.path)))).toEqual([
      'total',
      'edited 20261126090000_add_name',
    ])
  })

  it('reports a missing sum file while migrations exist, and none for an empty folder', async () => {
    const problems = verifySumFile(await readMigrationFolder(dir.path))
    expect(kinds(problems)).toEqual(['missing'])
    expect(problems[0]!.message).toContain('tidemark hash')
    expect(verifySumFile({ dir: dir.path, migrations: [], sum: null })).toEqual([])
  })

  it('makes git report a conflict when two branches each add a migration', async () => {
    const git = (...args: string[]) => run('git', args, { cwd: dir.path })
    await git('init', '--quiet', '--initial-branch=main')
    await git('config', 'user.name', 'Test')
    await git('config', 'user.email', 'test@example.com')
    await git('config', 'commit.gpgsign', 'false')
    await hashAndRead()
    await git('add', '.')
    await git('commit', '--quiet', '-m', 'base')

    await git('checkout', '--quiet', '-b', 'feature-a')
    await dir.add('20261201000000_add_email', { up: 'alter table users add column email text;\n' })
    await hashAndRead()
    await git('add', '.')
    await git('commit', '--quiet', '-m', 'a')

    await git('checkout', '--quiet', 'main')
    await git('checkout', '--quiet', '-b', 'feature-b')
    await dir.add('20261202000000_add_age', { up: 'alter table users add column age int;\n' })
    await hashAndRead()
    await git('add', '.')
    await git('commit', '--quiet', '-m', 'b')

    const merge = await git('merge', '--no-edit', 'feature-a').then(
      () => ({ failed: false, stdout: '' }),
      (error: { stdout: string }) => ({ failed: true, stdout: error.stdout }),
    )
    expect(merge.failed).toBe(true)
    expect(merge.stdout).toContain('CONFLICT (content): Merge conflict in tidemark.sum')
    const { stdout: unmerged } = await git('diff', '--name-only', '--diff-filter=U')
    expect(unmerged.trim()).toBe('tidemark.sum')
    expect(await readFile(join(dir.path, 'tidemark.sum'), 'utf8')).toContain('<<<<<<<')
    expect(kinds(verifySumFile(await readMigrationFolder(dir.path)))).toEqual(['conflict'])
  })
})
