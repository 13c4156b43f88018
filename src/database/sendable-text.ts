import { TidemarkError } from '../errors.js'
import { loneSurrogateIndex } from '../util/well-formed.js'

/**
 * Refuses a statement whose text or parameters PostgreSQL could not receive as written, before
 * anything is sent. A lone surrogate has no UTF-8 form: drivers replace it with U+FFFD (a quoted
 * name then names another table) or, on PGlite, cut the text short. A NUL ends the statement text
 * in the wire protocol, and PostgreSQL text cannot hold one. Parameter values never appear in the
 * message: they may be secrets.
 */
export function assertSendable(sql: string, params: readonly (string | null)[]): void {
  const textProblem = problemOf(sql)
  if (textProblem !== undefined) {
    throw new TidemarkError(
      `The SQL text ${textProblem}. Remove it from the statement (it cannot reach PostgreSQL as written).`,
    )
  }
  params.forEach((param, i) => {
    const problem = param === null ? undefined : problemOf(param)
    if (problem !== undefined) {
      throw new TidemarkError(
        `Parameter $${i + 1} ${problem}. Remove it from the value (PostgreSQL text cannot hold it).`,
      )
    }
  })
}

function problemOf(text: string): string | undefined {
  const nul = text.indexOf('\u0000')
  if (nul !== -1) return `contains a NUL character (U+0000) at index ${nul}`
  const lone = loneSurrogateIndex(text)
  if (lone !== -1)
    return `contains a lone surrogate (half of a UTF-16 pair, not valid Unicode) at index ${lone}`
  return undefined
}
