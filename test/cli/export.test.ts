/**
 * export prints what a fresh database needs to hold the schema, without a database: the SQL applied
 * to an empty database (embedded, and on the server) builds exactly the schema, which push then
 * finds nothing to change in.
 */
import { randomBytes } from 'node:crypto'
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { serverUrl } from '../support/databases.js'
import { tempProject, tidemark } from './support.js'
import { cliTargets } from './targets.js'

const kitchenSink = await readFile(new URL('../fixtures/kitchen-sink.ts', import.meta.url), 'utf8')
// Roles are cluster-wide: a name of its own, so runs on one server do not meet.
const reader = `tidemark_reader_${randomBytes(4).toString('hex')}`
const guarded = `import { bigint, enableRowLevelSecurity, grant, integer, pgFunction, policy, sql, table, text, trigger } from 'tidemark/pg'
export const notes = table('notes', { id: integer().primaryKey(), body: text(), owner: text().notNull(), rank: bigint().default(sql\`public.note_count()\`) }, () => [
  enableRowLevelSecurity(),
  policy('own_notes', { to: ['${reader}'], using: sql\`owner = current_user\` }),
])
export const readNotes = grant(notes, { to: '${reader}', privileges: ['SELECT'] })
// A SQL body that reads a table, called by its default: created before the table it reads.
export const noteCount = pgFunction('note_count', { returns: 'bigint', language: 'sql', body: 'select count(*) from public.notes' })
export const stamp = pgFunction('stamp_body', { returns: 'trigger', language: 'plpgsql', body: "begin new.body := coalesce(new.body, ''); return new; end" })
export const stampNotes = trigger('stamp_notes', notes, { timing: 'before', events: ['insert'], forEach: 'row', execute: stamp })
`

for (const target of cliTargets()) {
  describe(`tidemark export [${target.name}]`, { timeout: 300_000 }, () => {
    let project: Awaited<ReturnType<typeof tempProject>>
    const run = (...args: string[]) => tidemark(args, { cwd: project.dir })

    beforeEach(async () => {
      await target.setUp()
      project = await tempProject()
    })
    afterEach(async () => {
      await project.remove()
      await target.tearDown()
    })
    afterAll(async () => {
      if (serverUrl === undefined || target.name !== 'server') return
      const admin = new pg.Client({ connectionString: serverUrl })
      await admin.connect()
      await admin.query(`drop role if exists ${reader}`).finally(() => admin.end())
    })

    /** Exports the schema, applies it to the empty database, and asks push what is left to do. */
    const exportAndApply = async (schema: string, config: string) => {
      await project.write('schema.ts', schema)
      await project.write('tidemark.config.ts', config)
      const exported = await run('export')
      expect(exported.err).toBe('')
      expect(exported.code).toBe(0)
      // The database is never opened: not even the embedded one is created.
      await expect(access(join(project.dir, '.tidemark', 'pglite'))).rejects.toThrow(/ENOENT/)
      const json = await run('export', '--json')
      const { statements } = JSON.parse(json.out) as { statements: string[] }
      expect(statements.map((s) => `${s};\n`).join('\n')).toBe(exported.out)
      // As psql --single-transaction runs it.
      await target.exec(project.dir, exported.out)
      const left = await tidemark(['push', '--dry-run', '--json', ...target.args()], { cwd: project.dir })
      expect(left.err).toBe('')
      return { statements, left: JSON.parse(left.out) as { changes: string[] } }
    }

    it('builds every construct of the DSL in an empty database, exactly', async () => {
      const { statements, left } = await exportAndApply(
        kitchenSink,
        `export default { schema: './schema.ts' }\n`,
      )
      expect(statements[0]).toBe('CREATE SCHEMA "billing"')
      // Foreign keys after every table they name.
      const lastTable = statements.map((s) => s.startsWith('CREATE TABLE')).lastIndexOf(true)
      const firstForeignKey = statements.findIndex((s) => s.includes('FOREIGN KEY'))
      expect(firstForeignKey).toBeGreaterThan(lastTable)
      expect(left.changes).toEqual([])
    })

    it('creates the roles it grants to, routines that read tables, triggers and policies', async () => {
      const { statements, left } = await exportAndApply(
        guarded,
        `export default { schema: './schema.ts', roles: ['${reader}'] }\n`,
      )
      expect(statements[0]).toBe(
        `DO $$ BEGIN CREATE ROLE "${reader}" NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
      )
      expect(statements).toContain('SET LOCAL check_function_bodies = off')
      expect(left.changes).toEqual([])
    })
  })
}

describe('tidemark export refuses', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject()
  })
  afterAll(() => project.remove())

  it('a grant to a role the config does not list, which a fresh server would not have', async () => {
    await project.write('schema.ts', guarded)
    const refused = await tidemark(['export', '--schema', 'schema.ts'], { cwd: project.dir })
    expect(refused.code).toBe(2)
    expect(refused.out).toBe('')
    expect(refused.err).toContain(`names role '${reader}', which the config's roles do not list.`)
  })

  it('without a schema to export', async () => {
    const refused = await tidemark(['export'], { cwd: project.dir })
    expect(refused.code).toBe(2)
    expect(refused.err).toContain("No schema modules are configured. Set 'schema' in tidemark.config.ts")
  })
})
