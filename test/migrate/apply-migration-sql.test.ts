import { afterEach, expect, it } from 'vitest'
import { applyMigrationSql, MigrationError, MigrationSqlError } from '../../src/migrate/index.js'
import { sql } from '../../src/sql/sql.js'
import { describeEachDatabase } from '../support/databases.js'
import { resetDatabase } from './support/journal.js'

describeEachDatabase('applyMigrationSql', (target) => {
  afterEach(() => resetDatabase(target.db))

  const tables = async () =>
    (
      await target.db.execute<{ name: string }>(
        sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
      )
    ).rows.map((r) => r.name)

  it('runs tricky statements one by one in a transaction', async () => {
    await applyMigrationSql(
      target.db,
      'replay/up.sql',
      [
        'create table notes (body text);',
        "insert into notes values (E'semi;colon'), ($q$dollar;quoted$q$);",
        'create function note_count() returns bigint language sql',
        'begin atomic',
        '  select count(*) from notes;',
        'end;',
        "insert into notes select 'counted ' || note_count()",
      ].join('\n'),
      { transaction: true },
    )
    const { rows } = await target.db.execute<{ body: string }>(sql`select body from notes order by body`)
    expect(rows.map((r) => r.body)).toEqual(['counted 2', 'dollar;quoted', 'semi;colon'])
  })

  it('tells of each statement just before it runs, in a transaction or not', async () => {
    for (const transaction of [true, false]) {
      const told: string[] = []
      const file = `create table told_${transaction} (id int);\n-- between\nselect * from missing_${transaction};`
      await applyMigrationSql(target.db, 'x/up.sql', file, {
        transaction,
        onStatement: (statement) => told.push(`${statement.line}: ${statement.text}`),
      }).catch(() => {})
      // The failing statement was told of too: it was about to run.
      expect(told).toEqual([
        `1: create table told_${transaction} (id int)`,
        `3: select * from missing_${transaction}`,
      ])
    }
  })

  it('rolls the whole file back in a transaction, and keeps what ran without one', async () => {
    const file = 'create table a (id int);\ncreate table b (id int);\nselect * from missing;'
    const inside = await applyMigrationSql(target.db, 'x/up.sql', file, { transaction: true }).catch(
      (e: unknown) => e,
    )
    expect(inside).toBeInstanceOf(MigrationError)
    expect((inside as MigrationError).notRolledBack).toEqual([])
    expect(await tables()).toEqual([])

    const outside = await applyMigrationSql(target.db, 'x/up.sql', file, { transaction: false }).catch(
      (e: unknown) => e,
    )
    expect((outside as MigrationError).notRolledBack).toEqual([
      'create table a (id int)',
      'create table b (id int)',
    ])
    expect((outside as Error).message).toContain(
      'x/up.sql:3:15: statement 3 failed: relation "missing" does not exist (42P01)',
    )
    expect(await tables()).toEqual(['a', 'b'])
  })

  it("reports the line and column of PostgreSQL's error cursor, counted in characters", async () => {
    // 🌊 is one character but 4 bytes and 2 UTF-16 units; é is 2 bytes: only characters count.
    const lines = [
      'create table notes (body text);',
      'insert into notes (body)',
      "  values ('🌊 déjà'), (nope);",
    ]
    const inStatement = await applyMigrationSql(target.db, 'x/up.sql', lines.join('\n'), {
      transaction: true,
    }).catch((e: unknown) => e)
    expect(inStatement).toMatchObject({ line: 3, column: 23, statementIndex: 1 })
    expect((inStatement as Error).message).toMatch(/^x\/up\.sql:3:23: statement 2 failed: column "nope"/)

    // On the statement's first line, which starts mid-line, columns count from the line's start.
    const atEnd = await applyMigrationSql(
      target.db,
      'x/up.sql',
      "select 1;\nselect 'é'; select 'ü', missing_column;",
      {
        transaction: false,
      },
    ).catch((e: unknown) => e)
    expect(atEnd).toMatchObject({ statementIndex: 2, line: 2, column: 25 })
  })

  it('refuses transaction control inside a transactional file, before running anything', async () => {
    const error = await applyMigrationSql(target.db, 'x/up.sql', 'create table a (id int);\ncommit;', {
      transaction: true,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationSqlError)
    expect((error as Error).message).toMatch(/^x\/up\.sql:2:1: transaction control/)
    expect(await tables()).toEqual([])
  })
})
