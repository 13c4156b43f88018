// @needs-database: the CLI runs on its embedded PGlite database and shadow.
/**
 * Roles the schema's policies name: migrate says how to get one the database does not have, and
 * creates the ones the config lists (once, before applying anything).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempProject, tidemark } from './support.js'

const schema = `import { enableRowLevelSecurity, integer, policy, sql, table } from 'tidemark/pg'
export const notes = table('notes', { id: integer().primaryKey(), owner: integer().notNull() }, (t) => [
  enableRowLevelSecurity(),
  policy('own_notes', { to: ['app_user'], using: sql\`\${t.owner} = 1\` }),
])
`

describe('roles named by policies', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({
      'tidemark.config.ts': `export default { schema: './schema.ts' }\n`,
      'schema.ts': schema,
    })
  })
  afterAll(() => project.remove())
  const run = (...args: string[]) => tidemark(args, { cwd: project.dir })

  it('generates on the embedded shadow, and migrate names the missing role and the way out', async () => {
    expect((await run('generate', '--name', 'notes')).code).toBe(0)
    const failed = await run('migrate')
    expect(failed.code).toBe(2)
    expect(failed.err).toMatch(/role "app_user" does not exist/)
    expect(failed.err).toContain(
      "Roles are not created by migrations: create role app_user on the server, or list it in the config's roles to have Tidemark create it.",
    )
    expect(failed.err).not.toMatch(/^\s+at /m)
  })

  it('creates the roles the config lists, once, and then migrates', async () => {
    await project.write(
      'tidemark.config.ts',
      `export default { schema: './schema.ts', roles: ['app_user'] }\n`,
    )
    const first = await run('migrate')
    expect(first.err).toBe('')
    expect(first.out).toMatch(/^Created role app_user\nApplied \d{14}_notes \(\d+ ms\)\n$/)
    expect(await run('migrate')).toMatchObject({
      code: 0,
      out: 'Nothing to apply: all 1 migrations are applied.\n',
    })
  })

  it('refuses a roles setting that is not a list of names', async () => {
    await project.write('tidemark.config.ts', `export default { schema: './schema.ts', roles: 'app_user' }\n`)
    const failed = await run('migrate')
    expect(failed.code).not.toBe(0)
    expect(failed.err).toMatch(/'roles' must be a list of role names, e\.g\. \['app_user'\]/)
  })
})

describe('roles named by grants', () => {
  let project: Awaited<ReturnType<typeof tempProject>>
  beforeAll(async () => {
    project = await tempProject({
      'tidemark.config.ts': `export default { schema: './schema.ts', roles: ['app_user'] }\n`,
      'schema.ts': `import { grant, integer, table } from 'tidemark/pg'
export const notes = table('notes', { id: integer().primaryKey() })
export const grants = [
  grant(notes, { to: ['app_user', 'public', 'pg_monitor'], privileges: ['SELECT'] }),
  grant(notes, { to: ['authenticated', 'anon'], privileges: ['SELECT', 'INSERT'] }),
]
`,
    })
  })
  afterAll(() => project.remove())

  it('refuses at generate a grant to a role the config does not list, and writes nothing', async () => {
    const failed = await tidemark(['generate'], { cwd: project.dir })
    expect(failed.code).toBe(2)
    expect(failed.err).toBe(
      "tidemark: The grant on table notes names role 'anon' (and 'authenticated'), which the config's roles do not list.\nAdd them to roles in the config (migrate creates the roles listed there), or grant to a listed role.\n",
    )
    expect(existsSync(join(project.dir, 'migrations'))).toBe(false)
  })
})
