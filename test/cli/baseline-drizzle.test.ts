/**
 * baseline --from-drizzle on a real drizzle-kit project: a drizzle schema in a temp project,
 * drizzle-kit's own CLI generating the migrations, drizzle-orm's migrator applying them; then
 * Tidemark adopts the database, `check` is clean, and Tidemark generates what comes next.
 */

import { mkdir, readdir, readFile, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePGlite } from 'drizzle-orm/pglite'
import { migrate as migratePGlite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPGlite } from '../support/pglite.js'
import { runCommand } from '../support/run-node.js'
import { tempProject, tidemark } from './support.js'
import { type CliTarget, cliTargets } from './targets.js'

const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url))
const drizzleKit = join(nodeModules, 'drizzle-kit', 'bin.cjs')

// Two tables, an enum, an index and a foreign key, as a drizzle user writes them.
const drizzleSchemaV1 = `import { index, integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'

export const mood = pgEnum('mood', ['happy', 'sad'])

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  mood: mood('mood').default('happy'),
})

export const posts = pgTable(
  'posts',
  {
    id: serial('id').primaryKey(),
    authorId: integer('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (t) => [index('posts_author_idx').on(t.authorId)],
)
`
const drizzleSchemaV2 = drizzleSchemaV1.replace(
  "  mood: mood('mood').default('happy'),\n",
  "  mood: mood('mood').default('happy'),\n  bio: text('bio'),\n",
)

const drizzleConfig = `import { defineConfig } from 'drizzle-kit'
export default defineConfig({ dialect: 'postgresql', schema: './db/schema.ts', out: './drizzle' })
`

type Project = Awaited<ReturnType<typeof tempProject>>

for (const target of cliTargets()) {
  describe(`baseline --from-drizzle [${target.name}]`, () => {
    let project: Project
    beforeEach(async () => {
      await target.setUp()
      project = await tempProject({
        'db/schema.ts': drizzleSchemaV1,
        'drizzle.config.ts': drizzleConfig,
        'tidemark.config.ts': `export default { migrations: './migrations' }\n`,
      })
      // drizzle-kit loads the schema module, which imports drizzle-orm from the project.
      await symlink(nodeModules, join(project.dir, 'node_modules'), 'dir')
    })
    afterEach(async () => {
      await project.remove()
      await target.tearDown()
    })
    const run = (...args: string[]) => tidemark([...args, ...target.args()], { cwd: project.dir })
    const drizzleJournalExists = async () =>
      (
        await target.query<{ found: boolean }>(
          project.dir,
          `select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
        )
      )[0]?.found

    it('adopts the applied migrations, leaves the rest pending, and hands over to Tidemark', async () => {
      await drizzleGenerate(project.dir)
      await applyWithDrizzle(target, project.dir)
      await project.write('db/schema.ts', drizzleSchemaV2)
      await drizzleGenerate(project.dir) // a second migration, not applied

      const adopted = await run('baseline', '--from-drizzle', 'drizzle')
      expect(adopted.err).toBe('')
      expect(adopted.code).toBe(0)
      const names = (await readdir(join(project.dir, 'migrations'))).filter((f) => f !== 'tidemark.sum')
      expect(names).toHaveLength(2)
      expect(names[0]).toMatch(/^\d{14}_0000_[a-z0-9_]+$/)
      expect(names[1]).toMatch(/^\d{14}_0001_[a-z0-9_]+$/)
      expect(adopted.out).toContain('Converted 2 drizzle migrations into migrations.')
      expect(adopted.out).toContain(`Recorded as applied (not run): ${names[0]}.`)
      // One up.sql per drizzle file, without drizzle's markers, and a down.sql that undoes it.
      expect((await readdir(join(project.dir, 'migrations', names[0]!))).sort()).toEqual([
        'down.sql',
        'up.sql',
      ])
      const down = await readFile(join(project.dir, 'migrations', names[0]!, 'down.sql'), 'utf8')
      expect(down).toContain('DROP TABLE "public"."posts"')
      expect(down).toContain('DROP TYPE "public"."mood"')
      const up = await readFile(join(project.dir, 'migrations', names[0]!, 'up.sql'), 'utf8')
      expect(up).not.toContain('statement-breakpoint')
      expect(up).toContain(`CREATE TYPE "public"."mood" AS ENUM('happy', 'sad');`)
      expect(up).toContain('CREATE INDEX "posts_author_idx"')
      expect(await drizzleJournalExists()).toBe(false)

      // The second drizzle migration is Tidemark's to apply.
      const pending = await run('check')
      expect(pending.code).toBe(1)
      expect(pending.out + pending.err).toContain(names[1])
      const migrated = await run('migrate')
      expect(migrated.code).toBe(0)
      expect(migrated.out).toContain(`Applied ${names[1]}`)
      const clean = await run('check')
      expect(clean.err).toBe('')
      expect(clean.code).toBe(0)
      // Its generated down.sql undoes it (dropping a column loses data, so it needs the flag here).
      const undone = await run('migrate', 'down', '--allow-data-loss')
      expect(undone.err).toBe('')
      expect(undone.code).toBe(0)
      const bio = `select count(*)::int as n from information_schema.columns where table_name = 'users' and column_name = 'bio'`
      expect(await target.query(project.dir, bio)).toEqual([{ n: 0 }])
      expect((await run('migrate')).code).toBe(0)
      expect(await target.query(project.dir, bio)).toEqual([{ n: 1 }])

      // Tidemark's schema code from here on: pulled, unchanged generates nothing, a change generates it.
      expect((await run('pull', '--out', 'schema.ts')).code).toBe(0)
      expect(await run('generate', '--schema', 'schema.ts')).toMatchObject({
        code: 0,
        out: 'No schema changes: the migrations already build this schema.\n',
      })
      const pulled = await readFile(join(project.dir, 'schema.ts'), 'utf8')
      await project.write(
        'schema.ts',
        `${pulled}\nimport { integer as tagId, table as tagTable } from 'tidemark/pg'\nexport const tags = tagTable('tags', { id: tagId().primaryKey() })\n`,
      )
      const generated = await run('generate', '--schema', 'schema.ts', '--name', 'add tags')
      expect(generated.err).toBe('')
      expect(generated.code).toBe(0)
      const latest = (await readdir(join(project.dir, 'migrations'))).filter((f) => f.endsWith('_add_tags'))
      expect(latest).toHaveLength(1)
      const tagsUp = await readFile(join(project.dir, 'migrations', latest[0]!, 'up.sql'), 'utf8')
      expect(tagsUp).toContain('CREATE TABLE "public"."tags"')
      expect(tagsUp).not.toMatch(/users|posts|mood/)
      expect((await run('migrate')).code).toBe(0)
      expect(await run('check', '--schema', 'schema.ts')).toMatchObject({ code: 0, err: '' })
    }, 180_000)

    it('refuses a drizzle file edited after drizzle applied it, and writes nothing', async () => {
      await drizzleGenerate(project.dir)
      await applyWithDrizzle(target, project.dir)
      const [file] = (await readdir(join(project.dir, 'drizzle'))).filter((f) => f.endsWith('.sql'))
      const text = await readFile(join(project.dir, 'drizzle', file!), 'utf8')
      await project.write(`drizzle/${file}`, `${text}\n-- edited later`)

      const refused = await run('baseline', '--from-drizzle', 'drizzle')
      expect(refused.code).toBe(1)
      expect(refused.err).toContain(`${file} was edited after drizzle applied it`)
      await expect(readdir(join(project.dir, 'migrations'))).rejects.toThrow()
      expect(await drizzleJournalExists()).toBe(true)
    })

    it('finds the journal table drizzle was configured to use, and keeps its schema', async () => {
      await drizzleGenerate(project.dir)
      await applyWithDrizzle(target, project.dir, {
        migrationsSchema: 'public',
        migrationsTable: 'drizzle_log',
      })
      const adopted = await run(
        'baseline',
        '--from-drizzle',
        'drizzle',
        '--drizzle-table',
        'public.drizzle_log',
      )
      expect(adopted.err).toBe('')
      expect(adopted.code).toBe(0)
      const left = await target.query<{ log: boolean; users: boolean }>(
        project.dir,
        `select to_regclass('public.drizzle_log') is not null as log, to_regclass('public.users') is not null as users`,
      )
      expect(left).toEqual([{ log: false, users: true }])
      expect(await run('check')).toMatchObject({ code: 0, err: '' })
    })

    it('refuses a database drizzle did not migrate', async () => {
      await drizzleGenerate(project.dir)
      const refused = await run('baseline', '--from-drizzle', 'drizzle')
      expect(refused.code).toBe(1)
      expect(refused.err).toContain(`drizzle's migrator did not migrate it`)
      const sameFolder = await run('baseline', '--from-drizzle', 'drizzle', '--migrations', 'drizzle')
      expect(sameFolder.code).toBe(2)
      expect(sameFolder.err).toContain('names the migrations folder itself')
    })

    it('records nothing, and keeps drizzle journal, when the database differs from the migrations', async () => {
      await drizzleGenerate(project.dir)
      await applyWithDrizzle(target, project.dir)
      await target.exec(project.dir, 'alter table users add column nickname text')

      const differs = await run('baseline', '--from-drizzle', 'drizzle')
      expect(differs.code).toBe(1)
      expect(differs.out).toContain('nothing was recorded')
      expect(differs.out).toContain('nickname')
      expect(await drizzleJournalExists()).toBe(true)
      // Once the database is brought back, a second run adopts it over the folder the first wrote.
      await target.exec(project.dir, 'alter table users drop column nickname')
      const adopted = await run('baseline', '--from-drizzle', 'drizzle')
      expect(adopted.err).toBe('')
      expect(adopted.code).toBe(0)
      expect((await run('check')).code).toBe(0)
    }, 120_000)
  })
}

async function drizzleGenerate(dir: string): Promise<void> {
  const { code, output } = await runCommand(
    process.execPath,
    [drizzleKit, 'generate', '--config', 'drizzle.config.ts'],
    { cwd: dir },
  )
  if (code !== 0) throw new Error(`drizzle-kit generate exited ${code}:\n${output}`)
}

/** Applies the drizzle folder with drizzle-orm's own migrator, as a drizzle project does. */
async function applyWithDrizzle(
  target: CliTarget,
  dir: string,
  journal: { migrationsSchema?: string; migrationsTable?: string } = {},
): Promise<void> {
  const config = { migrationsFolder: join(dir, 'drizzle'), ...journal }
  if (target.name === 'embedded') {
    const dataDir = join(dir, '.tidemark', 'pglite')
    await mkdir(dataDir, { recursive: true })
    const client = await createPGlite({ dataDir })
    try {
      await migratePGlite(drizzlePGlite(client), config)
    } finally {
      await client.close()
    }
    return
  }
  const client = new pg.Client({ connectionString: target.args()[1] })
  await client.connect()
  try {
    await migrateNodePostgres(drizzleNodePostgres(client), config)
  } finally {
    await client.end()
  }
}
