import type { ViewModel } from '../../../model/types.js'
import { quoteIdent } from '../grammar/quote.js'
import { qualified } from './render-parts.js'

/** ALTER VIEW ... ALTER COLUMN ... SET DEFAULT, or DROP DEFAULT when `expression` is null. */
export function viewColumnDefault(
  view: { schema: string; name: string },
  column: string,
  expression: string | null,
): string {
  const action = expression === null ? 'DROP DEFAULT' : `SET DEFAULT ${expression}`
  return `ALTER VIEW ${qualified(view.schema, view.name)} ALTER COLUMN ${quoteIdent(column)} ${action}`
}

/** The column defaults of a view just created. */
export function viewDefaults(view: ViewModel): string[] {
  return view.columnDefaults.map((d) => viewColumnDefault(view, d.column, d.default))
}
