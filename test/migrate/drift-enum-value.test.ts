/**
 * A label added to an enum by hand, on an enum that columns, arrays, views, domains and routines
 * use: check reports it, and the SQL it prints brings the database back, so the next check is clean.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromPGlite } from '../../src/drivers/pglite.js'
import { checkDatabase } from '../../src/migrate/check/check.js'
import { DEFAULT_JOURNAL, migrate, readMigrationFolder, writeSumFile } from '../../src/migrate/index.js'
import { createPGlite } from '../support/pglite.js'

const BASE = `
CREATE TYPE mood AS ENUM ('happy', 'sad');
COMMENT ON TYPE mood IS 'How it went';
CREATE DOMAIN steady_mood AS mood CHECK (VALUE <> 'sad');
CREATE TABLE people (
  id int PRIMARY KEY,
  mood mood NOT NULL DEFAULT 'happy',
  history mood[] DEFAULT '{happy}',
  usual steady_mood
);
CREATE INDEX people_mood_idx ON people (mood);
CREATE VIEW happy_people AS SELECT id, mood FROM people WHERE mood = 'happy';
CREATE FUNCTION is_happy(m mood) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ select m = 'happy' $$;
CREATE FUNCTION usual_mood() RETURNS mood LANGUAGE sql STABLE AS $$ select 'happy'::mood $$;
`

const EDITS = [
  `alter type mood add value 'meh'`,
  `alter type mood add value 'meh' before 'sad'`,
  `alter type mood add value 'ecstatic' before 'happy'`,
]

describe('drift: a label added to an enum in use', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidemark-enum-drift-'))
    const { mkdir, writeFile } = await import('node:fs/promises')
    await mkdir(join(dir, 'migrations', '20260101000000_base'), { recursive: true })
    await writeFile(join(dir, 'migrations', '20260101000000_base', 'up.sql'), BASE)
    await writeSumFile(
      join(dir, 'migrations'),
      (await readMigrationFolder(join(dir, 'migrations'))).migrations,
    )
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  for (const edit of EDITS) {
    it(`is reported and undone: ${edit}`, async () => {
      const client = await createPGlite()
      const db = fromPGlite(client)
      try {
        const folder = await readMigrationFolder(join(dir, 'migrations'))
        await migrate(db, folder)
        await client.exec(edit)
        const options = { db, folder, journal: DEFAULT_JOURNAL, shadow: { cacheDir: join(dir, 'cache') } }
        const report = await checkDatabase(options)
        expect(report.drift.findings.map((f) => f.message)).toEqual([
          expect.stringMatching(/^enum mood: value '\w+' added$/),
        ])
        await client.exec(report.drift.reconcile.sql.join('\n'))
        const after = await checkDatabase(options)
        expect(after.drift.findings).toEqual([])
        expect(after.drift.status).toBe('clean')
      } finally {
        await client.close()
      }
    })
  }
})
