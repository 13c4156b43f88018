import { beforeAll, describe, expect, it } from 'vitest'
import { loadSqlParser, MigrationSqlError, splitStatements } from '../../src/migrate/index.js'

beforeAll(() => loadSqlParser())

const split = (sql: string) => splitStatements(sql).map(({ text, line }) => ({ text, line }))

describe('splitStatements', () => {
  it('splits plain statements and reports where each starts', () => {
    const sql = 'create table a (id int);\n\n-- the second table\ncreate table b (id int);\n'
    expect(splitStatements(sql)).toEqual([
      { text: 'create table a (id int)', line: 1, column: 1, offset: 0 },
      { text: 'create table b (id int)', line: 4, column: 1, offset: sql.indexOf('create table b') },
    ])
  })

  it('keeps semicolons inside dollar-quoted bodies, including tagged ones', () => {
    const body =
      'create function f() returns int language plpgsql as $body$\nbegin\n  perform 1;\n  return 2;\nend\n$body$'
    const sql = `select 1;\n${body};\ndo $$ begin raise notice 'x;y'; end $$;`
    expect(split(sql)).toEqual([
      { text: 'select 1', line: 1 },
      { text: body, line: 2 },
      { text: "do $$ begin raise notice 'x;y'; end $$", line: 8 },
    ])
  })

  it('keeps a BEGIN ATOMIC function body whole', () => {
    const fn =
      'create function g(a int) returns int language sql\nbegin atomic\n  select a + 1;\n  select a + 2;\nend'
    expect(split(`${fn};\nselect g(1);`)).toEqual([
      { text: fn, line: 1 },
      { text: 'select g(1)', line: 6 },
    ])
  })

  it("keeps semicolons inside E'' strings, quoted identifiers and nested comments", () => {
    const sql = "select E'a\\';b';\nselect 1 as \"x;y\";\n/* outer /* inner; */ still; */ select 2;"
    expect(split(sql)).toEqual([
      { text: "select E'a\\';b'", line: 1 },
      { text: 'select 1 as "x;y"', line: 2 },
      { text: 'select 2', line: 3 },
    ])
  })

  it('counts offsets in characters when non-ASCII text comes before a statement', () => {
    // The parser reports byte offsets: é is 2 bytes, 🌊 is 4 bytes and 2 UTF-16 units.
    const sql = "insert into t values ('déjà vu 🌊');\n-- naïve comment ✓\nselect 'ok';"
    const statements = splitStatements(sql)
    expect(statements.map((s) => s.text)).toEqual(["insert into t values ('déjà vu 🌊')", "select 'ok'"])
    expect(statements[1]).toMatchObject({ line: 3, offset: sql.indexOf("select 'ok'") })
  })

  it('takes a last statement without a semicolon, and leaves the comments around statements out', () => {
    expect(split('/* header */\n-- more\n\nselect 1 ;\n  select 2 -- trailing\n')).toEqual([
      { text: 'select 1', line: 4 },
      { text: 'select 2 -- trailing', line: 5 },
    ])
  })

  it('returns nothing for an empty, blank or comment-only file, and skips empty statements', () => {
    expect(splitStatements('')).toEqual([])
    expect(splitStatements(' \n\t\n')).toEqual([])
    expect(splitStatements('-- tidemark:no-transaction\n/* nothing */\n')).toEqual([])
    expect(split(';;select 1;;;')).toEqual([{ text: 'select 1', line: 1 }])
  })

  it('reports a syntax error with its line and column in the file', () => {
    const sql = "select 'é';\n\ncreate table t (id int,,);\n"
    let error: unknown
    try {
      splitStatements(sql, 'migrations/x/up.sql')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(MigrationSqlError)
    expect(error).toMatchObject({ file: 'migrations/x/up.sql', line: 3, column: 24 })
    expect((error as Error).message).toMatch(/^migrations\/x\/up\.sql:3:24: syntax error at or near ","/)
  })
})
