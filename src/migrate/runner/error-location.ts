import { DatabaseError } from '../../errors.js'
import type { SqlStatement } from '../folder/split-statements.js'
import { TextPositions } from '../folder/text-positions.js'

/**
 * Where in the file a failed statement's error is: the line and column PostgreSQL's error cursor
 * points at (its `position` counts characters of the statement from 1), else the statement's start
 * with no column.
 */
export function errorLocation(
  statement: SqlStatement,
  cause: unknown,
): { line: number; column: number | undefined } {
  const position = cause instanceof DatabaseError ? cause.position : undefined
  if (position === undefined) return { line: statement.line, column: undefined }
  const positions = new TextPositions(statement.text)
  const { line, column } = positions.lineAndColumn(positions.indexOfCodePoint(position - 1))
  return line === 1
    ? { line: statement.line, column: statement.column + column - 1 }
    : { line: statement.line + line - 1, column }
}
