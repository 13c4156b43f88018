// @needs-database: the CLI runs on its embedded PGlite database and shadow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempProject, tidemark } from './support.js'

const config = `import { defineConfig } from 'tidemark/config'
export default defineConfig({ schema: './schema.ts' })
`
const schema = `import { integer, table } from 'tidemark/pg'
export const notes = table('notes', { id: integer().primaryKey() })
`

/**
 * The embedded database registers only the contrib extensions its migrations create (each costs
 * start-up time); a later migration calling an extension an earlier one created must still run.
 */
describe('contrib extensions on the embedded database', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({
      'tidemark.config.ts': config,
      'schema.ts': schema,
      'migrations/20260101000000_citext/up.sql': 'create extension citext;\n',
      'migrations/20260101000000_citext/down.sql': 'drop extension citext;\n',
    })
  })
  afterAll(() => project.remove())

  it('runs a later migration that calls an extension created by an earlier run', async () => {
    expect((await tidemark(['hash'], { cwd: project.dir })).code).toBe(0)
    const first = await tidemark(['migrate'], { cwd: project.dir })
    expect(first.err).toBe('')
    expect(first.code).toBe(0)
    await project.write(
      'migrations/20260102000000_emails/up.sql',
      "create table emails (address citext primary key);\ninsert into emails values ('Ada@Example.com');\n" +
        "do $$ begin if not exists (select from emails where address = 'ada@example.com') then raise 'citext did not compare'; end if; end $$;\n",
    )
    await project.write('migrations/20260102000000_emails/down.sql', 'drop table emails;\n')
    expect((await tidemark(['hash'], { cwd: project.dir })).code).toBe(0)
    const second = await tidemark(['migrate'], { cwd: project.dir })
    expect(second.err).toBe('')
    expect(second.code).toBe(0)
    const status = await tidemark(['status', '--json'], { cwd: project.dir })
    expect(status.code).toBe(0)
    expect(JSON.parse(status.out).migrations.map((m: { state: string }) => m.state)).toEqual([
      'applied',
      'applied',
    ])
  })
})
