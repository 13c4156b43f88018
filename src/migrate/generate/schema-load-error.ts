import { renderChange } from '../../dialects/pg/ddl/index.js'
import type { ChangeBody } from '../../diff/changes.js'
import { describeChange } from '../../diff/describe.js'
import { DatabaseError, TidemarkError } from '../../errors.js'
import { MigrationError, MigrationSqlError } from '../folder/migration-errors.js'

/** The file name the draft statements run under; errors about it never reach the user as a path. */
export const SCHEMA_DRAFT = 'the schema'

/**
 * What a person makes of a declared schema PostgreSQL rejects while generate loads it into the
 * scratch database: the object whose statement failed (a table, index, constraint, view...), the
 * line PostgreSQL points at, its reason, and what to change in the schema module. The scratch
 * database is thrown away: what ran before the failure needs no undoing.
 */
export function schemaLoadError(
  error: unknown,
  changes: readonly ChangeBody[],
  statements: readonly string[],
): TidemarkError {
  const failed = failedStatement(error, statements)
  if (failed === undefined) {
    const message = error instanceof Error ? error.message : String(error)
    return new TidemarkError(`The schema does not load into PostgreSQL: ${message}`, { cause: error })
  }
  const change = changes.find((c) => renderChange(c).some((s) => s.trim() === failed.statement.trim()))
  const object = change === undefined ? firstLine(failed.statement) : describeChange(change)
  const cause = error instanceof MigrationError ? error.cause : undefined
  const database = cause instanceof DatabaseError ? cause : undefined
  const at = failed.offset === undefined ? undefined : lineAt(failed.statement, failed.offset)
  const reason = database === undefined ? failed.reason : `${database.message} (${database.code})`
  const detail = database?.detail === undefined ? '' : ` ${database.detail.replace(/\.$/, '')}.`
  const code = database?.code ?? (error instanceof MigrationSqlError ? SYNTAX_ERROR : undefined)
  return new TidemarkError(
    `The schema does not load into PostgreSQL: ${object}: ${reason}${at === undefined ? '' : `, at: ${at}`}.${detail}\n` +
      `Fix: ${fixFor(code, database?.hint)}.`,
    { cause: error },
  )
}

interface FailedStatement {
  readonly statement: string
  readonly reason: string
  /** 0-based offset in the statement that PostgreSQL points at, when it does. */
  readonly offset: number | undefined
}

function failedStatement(error: unknown, statements: readonly string[]): FailedStatement | undefined {
  if (error instanceof MigrationSqlError) {
    // A syntax error, found before anything ran: its line and column are in the statements as run,
    // joined with ';\n'.
    let firstLineOfStatement = 1
    for (const statement of statements) {
      const lines = statement.split('\n')
      if (error.line < firstLineOfStatement + lines.length) {
        const lineIndex = error.line - firstLineOfStatement
        const offset = lines
          .slice(0, lineIndex)
          .reduce((sum, line) => sum + line.length + 1, error.column - 1)
        return { statement, reason: error.reason, offset }
      }
      firstLineOfStatement += lines.length
    }
    return undefined
  }
  if (error instanceof MigrationError) {
    const position = error.cause instanceof DatabaseError ? error.cause.position : undefined
    return {
      statement: error.statement,
      reason: error.message.split('\n')[0] ?? '',
      offset: position === undefined ? undefined : position - 1,
    }
  }
  return undefined
}

/** The trimmed line of `text` that holds `offset`; past the end (an unclosed parenthesis), the last. */
function lineAt(text: string, offset: number): string | undefined {
  if (offset < 0) return undefined
  if (offset >= text.length) return text.trimEnd().split('\n').at(-1)?.trim()
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const end = text.indexOf('\n', offset)
  return text.slice(start, end === -1 ? undefined : end).trim()
}

const firstLine = (text: string): string => text.trim().split('\n')[0] ?? text

const SYNTAX_ERROR = '42601'

/** What to change, by the SQLSTATE PostgreSQL reported. */
function fixFor(code: string | undefined, hint: string | undefined): string {
  const generic = 'change that declaration in the schema module so PostgreSQL accepts it'
  const theirs = hint === undefined ? '' : ` (PostgreSQL's hint: ${hint.replace(/\.$/, '')})`
  return `${(code === undefined ? undefined : FIXES[code]) ?? generic}${theirs}`
}

/** Fixes for the SQLSTATEs a schema declaration most often meets. */
const FIXES: Readonly<Record<string, string>> = {
  '42703':
    'name an existing column; interpolate the column object (t.email) into sql`...` so TypeScript catches one removed or renamed',
  [SYNTAX_ERROR]: 'correct the SQL written in that declaration',
  '42804': 'give the column the same type as the column it references',
  '42830': 'reference a primary key or unique columns, or add unique() on the referenced columns',
  '42883':
    'declare the function (pgFunction()) or the extension (extension()) it needs, or fix its name or argument types',
  '42704': 'check the name of the type, operator class or collation; an extension may have to be declared',
  '42P01': 'name a table or view the schema declares',
  '42P17': 'change the expression as PostgreSQL explains',
  '22P02': 'write a value of the column type',
  '0A000': 'PostgreSQL does not support this here; change the declaration',
}
