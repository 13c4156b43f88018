import type { ViewColumnCommentModel, ViewColumnDefaultModel } from '../../../model/types.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import type { SQL } from '../../../sql/sql.js'
import { ddlExpression } from '../compiler/fragment.js'
import { commentOrFail } from './comment-text.js'

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** A view's column defaults as the model holds them: sorted by column, expressions as written. */
export function viewColumnDefaults(
  defaults: Readonly<Record<string, SQL>>,
  fail: (problem: string, what: string) => never,
): ViewColumnDefaultModel[] {
  return Object.entries(defaults)
    .map(([column, expression]) => {
      const what = `default of column ${column}`
      const problem = identifierProblem(column)
      if (problem !== undefined) fail(problem, what)
      const text = ddlExpression(expression)
      if (text === '') fail('a default needs an expression', what)
      return { column, default: text }
    })
    .sort((a, b) => compareText(a.column, b.column))
}

/** A view's column comments as the model holds them: sorted by column, empty texts left out. */
export function viewColumnComments(
  comments: Readonly<Record<string, string>>,
  fail: (problem: string, what: string) => never,
): ViewColumnCommentModel[] {
  return Object.entries(comments)
    .flatMap(([column, text]) => {
      const what = `comment of column ${column}`
      const problem = identifierProblem(column)
      if (problem !== undefined) fail(problem, what)
      const comment = commentOrFail(text, (p) => fail(p, what))
      return comment === null ? [] : [{ column, comment }]
    })
    .sort((a, b) => compareText(a.column, b.column))
}
