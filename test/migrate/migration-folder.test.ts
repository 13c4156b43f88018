import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  downChecksum,
  MigrationFolderError,
  readMigrationFolder,
  upChecksum,
} from '../../src/migrate/index.js'
import { makeTempDir, type TempDir } from './support/migration-dir.js'

let dir: TempDir
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(() => dir.remove())

async function folderError(path: string): Promise<MigrationFolderError> {
  const error = await readMigrationFolder(path).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(MigrationFolderError)
  return error as MigrationFolderError
}

describe('readMigrationFolder', () => {
  it('reads migrations in name order with their checksum and no-transaction flags', async () => {
    await dir.add('20261126090000_backfill_names', {
      up: '-- tidemark:no-transaction\ncreate index concurrently i on users (name);\n',
    })
    await dir.add('20261125101500_create_users', {
      up: 'create table users (id int);\n',
      down: '-- tidemark:no-transaction\r\ndrop table users;\n',
    })
    await writeFile(join(dir.path, 'tidemark.sum'), 'total x\n')
    await writeFile(join(dir.path, '.gitkeep'), '')

    const folder = await readMigrationFolder(dir.path)
    expect(folder.dir).toBe(dir.path)
    expect(folder.sum).toBe('total x\n')
    expect(folder.migrations).toEqual([
      {
        name: '20261125101500_create_users',
        up: 'create table users (id int);\n',
        down: '-- tidemark:no-transaction\r\ndrop table users;\n',
        upNoTransaction: false,
        downNoTransaction: true,
        checksum: upChecksum('create table users (id int);\n'),
        downChecksum: downChecksum('-- tidemark:no-transaction\r\ndrop table users;\n'),
      },
      {
        name: '20261126090000_backfill_names',
        up: '-- tidemark:no-transaction\ncreate index concurrently i on users (name);\n',
        down: null,
        upNoTransaction: true,
        downNoTransaction: false,
        checksum: upChecksum('-- tidemark:no-transaction\ncreate index concurrently i on users (name);\n'),
        downChecksum: downChecksum(null),
      },
    ])
    // The checksum is sha256 of the file's bytes, computed here independently of Tidemark.
    const bytes = await readFile(join(dir.path, '20261125101500_create_users', 'up.sql'))
    expect(folder.migrations[0]!.checksum).toBe(createHash('sha256').update(bytes).digest('hex'))
    const downBytes = await readFile(join(dir.path, '20261125101500_create_users', 'down.sql'))
    expect(folder.migrations[0]!.downChecksum).toBe(createHash('sha256').update(downBytes).digest('hex'))
  })

  it('only honours the no-transaction marker on the first line', async () => {
    await dir.add('20261125101500_a', { up: 'select 1;\n-- tidemark:no-transaction\n' })
    const [migration] = (await readMigrationFolder(dir.path)).migrations
    expect(migration!.upNoTransaction).toBe(false)
  })

  it('refuses a folder that does not exist, unless told to read it as empty', async () => {
    const missing = join(dir.path, 'nothing-here')
    expect((await folderError(missing)).message).toBe(
      `${missing}: the migrations folder does not exist. Check the migrations setting (or --migrations), and that the folder is shipped with the deployment (e.g. copied into the container image)`,
    )
    expect(await readMigrationFolder(missing, { allowMissing: true })).toEqual({
      dir: missing,
      migrations: [],
      sum: null,
    })
  })

  it('refuses a stray file, naming it', async () => {
    await writeFile(join(dir.path, 'notes.txt'), 'todo')
    const error = await folderError(dir.path)
    expect(error.path).toBe(join(dir.path, 'notes.txt'))
    expect(error.message).toContain('move or delete it')
  })

  it('refuses a folder with a bad name or an impossible timestamp', async () => {
    await dir.add('2026-11-25_create_users', { up: 'select 1' })
    expect((await folderError(dir.path)).message).toContain('YYYYMMDDHHMMSS_slug')
    await dir.remove()
    dir = await makeTempDir()
    await dir.add('20261345101500_create_users', { up: 'select 1' })
    expect((await folderError(dir.path)).message).toContain('not a real UTC date')
    await dir.remove()
    dir = await makeTempDir()
    await dir.add('20261125101500_Create-Users', { up: 'select 1' })
    expect((await folderError(dir.path)).path).toBe(join(dir.path, '20261125101500_Create-Users'))
  })

  it('refuses a migration folder without up.sql, or with other files in it', async () => {
    await mkdir(join(dir.path, '20261125101500_empty'))
    const missing = await folderError(dir.path)
    expect(missing.path).toBe(join(dir.path, '20261125101500_empty'))
    expect(missing.message).toContain('missing up.sql')
    await writeFile(join(dir.path, '20261125101500_empty', 'up.sql'), 'select 1')
    await writeFile(join(dir.path, '20261125101500_empty', 'seed.sql'), 'select 2')
    expect((await folderError(dir.path)).path).toBe(join(dir.path, '20261125101500_empty', 'seed.sql'))
  })

  it('refuses a file that is not UTF-8', async () => {
    await dir.add('20261125101500_a', { up: 'select 1' })
    await writeFile(join(dir.path, '20261125101500_a', 'up.sql'), Buffer.from([0x73, 0xff, 0xfe]))
    expect((await folderError(dir.path)).message).toContain('not valid UTF-8')
  })
})
