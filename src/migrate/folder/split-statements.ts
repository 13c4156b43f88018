import { MigrationSqlError } from './migration-errors.js'
import { sqlParser } from './sql-parser.js'
import { countNewlines, TextPositions } from './text-positions.js'

/** One statement of a SQL file. */
export interface SqlStatement {
  /** The statement, trimmed, without leading comments or the trailing semicolon. */
  readonly text: string
  /** 1-based line where the statement starts in the file. */
  readonly line: number
  /** 1-based column (in characters) where the statement starts on that line. */
  readonly column: number
  /** String index where the statement starts in the file. */
  readonly offset: number
}

/**
 * Splits a SQL file into statements with PostgreSQL's own parser, so dollar-quoted bodies,
 * `BEGIN ATOMIC … END`, E'' strings and nested comments holding `;` stay whole. Synchronous: call
 * `await loadSqlParser()` once before. A syntax error is a MigrationSqlError with its line and column.
 *
 * @example
 * await loadSqlParser()
 * splitStatements('create table a (id int);\n\n-- b\ncreate table b (id int)')
 * // [{ text: 'create table a (id int)', line: 1, column: 1, offset: 0 },
 * //  { text: 'create table b (id int)', line: 4, column: 1, offset: 31 }]
 */
export function splitStatements(sql: string, file = 'SQL'): SqlStatement[] {
  if (sql.trim() === '') return [] // the parser rejects an empty query
  const positions = new TextPositions(sql)
  let parsed: ReturnType<ReturnType<typeof sqlParser>['parseSync']>
  try {
    parsed = sqlParser().parseSync(sql)
  } catch (error) {
    const cursor = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition
    const { line, column } = positions.lineAndColumn(positions.indexOfCodePoint(cursor ?? 0))
    throw new MigrationSqlError(file, line, column, (error as Error).message)
  }
  const statements: SqlStatement[] = []
  let lineCursor = { index: 0, line: 1 }
  for (const { stmt_location, stmt_len } of parsed.stmts ?? []) {
    const startByte = stmt_location ?? 0
    const start = positions.indexOfByte(startByte)
    // The last statement has no length when no semicolon ends it: it runs to the end of the file.
    const end =
      stmt_len === undefined || stmt_len === null ? sql.length : positions.indexOfByte(startByte + stmt_len)
    const offset = skipSpaceAndComments(sql, start, end)
    const text = sql.slice(offset, end).trimEnd()
    if (text === '') continue
    lineCursor = { index: offset, line: lineCursor.line + countNewlines(sql.slice(lineCursor.index, offset)) }
    const lineStart = sql.lastIndexOf('\n', offset - 1) + 1
    statements.push({
      text,
      line: lineCursor.line,
      column: [...sql.slice(lineStart, offset)].length + 1,
      offset,
    })
  }
  return statements
}

/**
 * Older parser builds report a statement as starting right after the previous semicolon, so the
 * whitespace and comments before it are skipped here: a comment belongs before its statement.
 */
function skipSpaceAndComments(sql: string, from: number, end: number): number {
  let i = from
  while (i < end) {
    if (/\s/.test(sql[i]!)) i++
    else if (sql.startsWith('--', i)) {
      const newline = sql.indexOf('\n', i)
      i = newline === -1 || newline > end ? end : newline + 1
    } else if (sql.startsWith('/*', i)) i = endOfBlockComment(sql, i, end)
    else break
  }
  return i
}

// PostgreSQL block comments nest: /* a /* b */ c */ is one comment.
function endOfBlockComment(sql: string, from: number, end: number): number {
  let depth = 0
  let i = from
  while (i < end) {
    if (sql.startsWith('/*', i)) {
      depth++
      i += 2
    } else if (sql.startsWith('*/', i)) {
      depth--
      i += 2
      if (depth === 0) return i
    } else i++
  }
  return end
}
