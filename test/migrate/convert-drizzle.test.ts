import { describe, expect, it } from 'vitest'
import { convertDrizzleMigrations } from '../../src/migrate/baseline/drizzle/convert-drizzle.js'
import type { DrizzleMigration } from '../../src/migrate/baseline/drizzle/drizzle-folder.js'
import { sha256Hex } from '../../src/migrate/folder/checksum.js'
import { migrationNameProblem } from '../../src/migrate/folder/migration-name-format.js'
import { splitStatements } from '../../src/migrate/folder/split-statements.js'
import { loadSqlParser } from '../../src/migrate/folder/sql-parser.js'

const drizzle = (tag: string, when: number, text: string): DrizzleMigration => ({
  tag,
  when,
  text,
  hash: sha256Hex(text),
})

describe('convertDrizzleMigrations', () => {
  it('names migrations from when and tag, in the journal order even when when goes back', () => {
    const at = Date.UTC(2026, 10, 4, 9, 30, 15)
    const names = convertDrizzleMigrations([
      drizzle('0000_init', at + 500, 'select 1;'),
      drizzle('0001_Same-Second', at + 900, 'select 2;'),
      drizzle('0002_clock_went_back', at - 60_000, 'select 3;'),
      drizzle('custom', at + 3_600_000, 'select 4;'),
    ]).map((m) => m.name)
    expect(names).toEqual([
      '20261104093015_0000_init',
      '20261104093015_0001_same_second',
      '20261104093015_0002_clock_went_back',
      '20261104103015_0003_custom',
    ])
    expect([...names].sort()).toEqual(names)
    for (const name of names) expect(migrationNameProblem(name)).toBeUndefined()
  })

  it("splits at drizzle's breakpoints into statements that each end with a semicolon", async () => {
    const text =
      'CREATE TABLE "a" ("id" integer);--> statement-breakpoint\nCREATE INDEX "a_id" ON "a" ("id")\n-- trailing note\n--> statement-breakpoint\n\n'
    const [migration] = convertDrizzleMigrations([drizzle('0000_a', 0, text)])
    expect(migration!.up).not.toContain('statement-breakpoint')
    expect(migration!.down).toBeNull()
    await loadSqlParser()
    const statements = splitStatements(migration!.up).map((s) => s.text)
    expect(statements).toHaveLength(2)
    expect(statements[0]).toContain('CREATE TABLE "a"')
    expect(statements[1]).toContain('CREATE INDEX "a_id"')
  })
})
