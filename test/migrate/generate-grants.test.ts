/**
 * generate with grants: the first migration grants what the schema declares (EXECUTE revoked from
 * PUBLIC where a routine says so, under the argument types PostgreSQL prints); a second generate is
 * empty; taking grants away revokes them; a schema that declares no grant leaves the history's as
 * they are. A fresh database migrated through the folder holds the grants generate planned.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SchemaModel } from 'tidemark'
import { grant, integer, pgFunction, schema, sql, text, toModel } from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { introspect } from '../../src/dialects/pg/introspect/index.js'
import { describeChange } from '../../src/diff/describe.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL, migrate, readMigrationFolder } from '../../src/migrate/index.js'
import { openShadow } from '../../src/migrate/replay/shadow.js'
import { noRenames, shadows, statementsOf } from './support/generate.js'

// Predefined roles exist on every server, so the server shadow needs no role created.
const api = schema('api')
const notes = api.table('notes', { id: integer().primaryKey(), body: text(), owner: text() })
const counter = api.sequence('counter')
/** Written with `int`: PostgreSQL reads it back as `secret(integer)`. */
const secret = (publicExecute: boolean) =>
  pgFunction(sql`create function api.secret(n int) returns int language sql as 'select n'`, { publicExecute })

function declared(version: 'granted' | 'fewer' | 'none'): SchemaModel {
  if (version === 'none') return toModel({ api, notes, counter, secret: secret(true) })
  const fn = secret(version === 'fewer')
  const grants =
    version === 'granted'
      ? [
          grant(api, { to: 'pg_monitor', privileges: ['USAGE'] }),
          grant(notes, { to: ['pg_monitor', 'public'], privileges: ['SELECT', 'INSERT'] }),
          grant(notes, { to: 'pg_read_all_stats', privileges: ['UPDATE'], columns: [notes.body] }),
          grant(counter, { to: 'pg_monitor', privileges: ['USAGE'] }),
          grant(fn, { to: 'pg_monitor' }),
        ]
      : [
          grant(notes, { to: 'pg_monitor', privileges: ['SELECT'], withGrantOption: true }),
          grant(counter, { to: 'pg_monitor', privileges: ['USAGE'] }),
        ]
  return toModel({ api, notes, counter, fn, grants })
}

for (const shadow of shadows) {
  describe(`generate with grants [${shadow.name}]`, () => {
    let dir: string
    let step = 0
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-grants-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const options = (desired: SchemaModel) => ({
      dir: join(dir, 'migrations'),
      desired,
      journal: DEFAULT_JOURNAL,
      shadow: { url: shadow.url, cacheDir: join(dir, 'cache') },
      resolveRenames: noRenames,
    })
    /** Writes the next migration, checks that a second generate finds nothing, returns its up.sql. */
    const generate = async (desired: SchemaModel) => {
      step += 1
      const result = await generateMigration({
        ...options(desired),
        now: new Date(Date.UTC(2030, 0, 1, 0, 0, step)),
      })
      expect(result.written).not.toBeNull()
      const again = await generateMigration(options(desired))
      expect(again.plan.up.map(describeChange)).toEqual([])
      const up = statementsOf(await readFile(join(result.written!.dir, 'up.sql'), 'utf8'))
      return { up, target: result.plan.target }
    }
    const grantStatements = (up: readonly string[]) => up.filter((s) => /^(GRANT|REVOKE)/.test(s))

    it('grants what the schema declares, last, and finds nothing the second time', async () => {
      const { up } = await generate(declared('granted'))
      expect(grantStatements(up)).toEqual([
        'REVOKE EXECUTE ON FUNCTION "api"."secret"(integer) FROM PUBLIC',
        'GRANT EXECUTE ON FUNCTION "api"."secret"(integer) TO "pg_monitor"',
        'GRANT USAGE ON SCHEMA "api" TO "pg_monitor"',
        'GRANT USAGE ON SEQUENCE "api"."counter" TO "pg_monitor"',
        'GRANT SELECT, INSERT ON TABLE "api"."notes" TO "pg_monitor"',
        'GRANT UPDATE ("body") ON TABLE "api"."notes" TO "pg_read_all_stats"',
        'GRANT SELECT, INSERT ON TABLE "api"."notes" TO PUBLIC',
      ])
      expect(up.slice(-grantStatements(up).length)).toEqual(grantStatements(up))
      // The first run starts the embedded PostgreSQL: slow on a busy machine.
    }, 300_000)

    let target: SchemaModel
    it('revokes what the schema no longer grants, and gives EXECUTE back to PUBLIC', async () => {
      const next = await generate(declared('fewer'))
      target = next.target
      expect(grantStatements(next.up)).toEqual([
        'REVOKE EXECUTE ON FUNCTION "api"."secret"(integer) FROM "pg_monitor"',
        'REVOKE USAGE ON SCHEMA "api" FROM "pg_monitor"',
        'REVOKE INSERT ON TABLE "api"."notes" FROM "pg_monitor"',
        'REVOKE SELECT, INSERT ON TABLE "api"."notes" FROM PUBLIC',
        'REVOKE UPDATE ("body") ON TABLE "api"."notes" FROM "pg_read_all_stats"',
        'GRANT EXECUTE ON FUNCTION "api"."secret"(integer) TO PUBLIC',
        'GRANT SELECT ON TABLE "api"."notes" TO "pg_monitor" WITH GRANT OPTION',
      ])
    })

    it('leaves the history’s grants alone when the schema declares none', async () => {
      const result = await generateMigration(options(declared('none')))
      expect(result.written).toBeNull()
      expect(result.plan.target.grants).toEqual(target.grants)
    })

    it('migrates a fresh database to the grants generate planned', async () => {
      const fresh = await openShadow(
        shadow.url === undefined ? { cacheDir: join(dir, 'cache') } : { url: shadow.url },
      )
      try {
        await migrate(fresh.db, await readMigrationFolder(join(dir, 'migrations')))
        const read = await introspect(fresh.db, { exclude: [DEFAULT_JOURNAL] })
        expect(read.grants).toEqual(target.grants)
        expect(read.grants.map((g) => `${g.grantee} ${g.privilege} ${g.name}`)).toEqual([
          'public EXECUTE secret(integer)',
          'pg_monitor USAGE counter',
          'pg_monitor SELECT notes',
        ])
      } finally {
        await fresh.close()
      }
    })
  })
}
