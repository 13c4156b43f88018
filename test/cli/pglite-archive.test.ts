import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pgliteVersion } from '../../src/migrate/replay/pglite-archive.js'
import { tempProject, tidemark } from './support.js'

const config = `import { defineConfig } from 'tidemark/config'
export default defineConfig({ schema: './schema.ts' })
`
const schema = `import { integer, table, text } from 'tidemark/pg'
export const notes = table('notes', { id: integer().primaryKey(), body: text().notNull() })
`

/**
 * PGlite's initdb is most of its start-up. The pristine data directory is archived once per PGlite
 * version in the machine's cache (TIDEMARK_CACHE_DIR here), shared by every project: the shadow
 * database and a new embedded database both start from it.
 */
describe('the pristine PGlite archive shared between projects', () => {
  let shared: string
  const previous = process.env.TIDEMARK_CACHE_DIR
  const projects: Awaited<ReturnType<typeof tempProject>>[] = []
  const project = async () => {
    const created = await tempProject({ 'tidemark.config.ts': config, 'schema.ts': schema })
    projects.push(created)
    return created
  }

  beforeAll(async () => {
    shared = await mkdtemp(join(tmpdir(), 'tidemark-shared-cache-'))
    process.env.TIDEMARK_CACHE_DIR = shared
  })
  afterAll(async () => {
    if (previous === undefined) delete process.env.TIDEMARK_CACHE_DIR
    else process.env.TIDEMARK_CACHE_DIR = previous
    for (const created of projects) await created.remove()
    await rm(shared, { recursive: true, force: true })
  })

  it('is made by the first generate on the machine and reused by the next project', async () => {
    const archive = join(shared, `pglite-${await pgliteVersion()}.tar`)
    const first = await project()
    expect((await tidemark(['generate', '--name', 'notes'], { cwd: first.dir })).code).toBe(0)
    const made = await stat(archive)
    expect(made.size).toBeGreaterThan(1_000_000)
    // Nothing 40 MB large is copied into the project.
    expect((await readdir(join(first.dir, '.tidemark', 'cache'))).filter((f) => f.endsWith('.tar'))).toEqual(
      [],
    )

    const second = await project()
    expect((await tidemark(['generate', '--name', 'notes'], { cwd: second.dir })).code).toBe(0)
    expect((await stat(archive)).mtimeMs).toBe(made.mtimeMs)
    expect((await readdir(shared)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  }, 300_000)

  it('is where a new embedded database starts from', async () => {
    const own = await project()
    expect((await tidemark(['generate', '--name', 'notes'], { cwd: own.dir })).code).toBe(0)
    // An archive with a marker table stands in for the pristine one: finding the marker in the
    // project's database shows that migrate loaded the archive rather than running initdb.
    const marked = await PGlite.create()
    await marked.exec('create table made_from_the_archive (id int)')
    const tar = new Uint8Array(await (await marked.dumpDataDir('none')).arrayBuffer())
    await marked.close()
    await writeFile(join(shared, `pglite-${await pgliteVersion()}.tar`), tar)

    const migrated = await tidemark(['migrate'], { cwd: own.dir })
    expect(migrated.err).toBe('')
    expect(migrated.code).toBe(0)
    const live = await PGlite.create(join(own.dir, '.tidemark', 'pglite'))
    try {
      const { rows } = await live.query<{ name: string }>(
        `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
      )
      expect(rows.map((row) => row.name)).toEqual(['made_from_the_archive', 'notes', 'tidemark_migrations'])
    } finally {
      await live.close()
    }
  }, 300_000)
})
