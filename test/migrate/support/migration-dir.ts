/** Temporary migration folders for tests: created under the OS temp dir, removed by the caller. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface MigrationSource {
  readonly up: string
  readonly down?: string
}

export interface TempDir {
  readonly path: string
  /** Writes `<path>/<name>/up.sql` (and down.sql when given). */
  add(name: string, source: MigrationSource): Promise<void>
  remove(): Promise<void>
}

export async function makeTempDir(prefix = 'tidemark-migrations-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return {
    path,
    add: (name, source) => writeMigration(path, name, source),
    remove: () => rm(path, { recursive: true, force: true }),
  }
}

export async function writeMigration(dir: string, name: string, source: MigrationSource): Promise<void> {
  await mkdir(join(dir, name), { recursive: true })
  await writeFile(join(dir, name, 'up.sql'), source.up)
  if (source.down !== undefined) await writeFile(join(dir, name, 'down.sql'), source.down)
}
