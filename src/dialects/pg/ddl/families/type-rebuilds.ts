import type { TypeColumnUse } from '../../../../diff/change-parts.js'
import type { TypeRebuildChange } from '../../../../diff/families/type-rebuilds.js'
import type { UserType } from '../../../../model/type-order.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { alterColumn, qualified } from '../render-parts.js'

/**
 * The first half of a rebuild: each column steps off the type, to a domain's base type or to text
 * for a composite (whose text form carries the values, attribute by position), losing a default that
 * may name the type; then the type is dropped.
 */
function detach(type: UserType, uses: readonly TypeColumnUse[]): string[] {
  const throughText = type.kind === 'composite type'
  const stepOff = type.kind === 'domain' ? type.model.type : 'text'
  const statements: string[] = []
  for (const use of uses) {
    if (use.hadDefault) statements.push(alterColumn(use.table, use.column, 'DROP DEFAULT'))
    const dims = '[]'.repeat(use.dimensions)
    const via = throughText ? ` USING ${quoteIdent(use.column)}::text${dims}` : ''
    statements.push(alterColumn(use.table, use.column, `TYPE ${stepOff}${dims}${via}`))
  }
  statements.push(
    `DROP ${type.kind === 'domain' ? 'DOMAIN' : 'TYPE'} ${qualified(type.model.schema, type.model.name)}`,
  )
  return statements
}

/**
 * The second half (a `replace-domain` or `replace-composite-type`, after the type is created again):
 * the columns still on the type return to it through text and get their default back. A column
 * leaving the type keeps the step-off type until its own change gives it its new type and default.
 */
export function stepBack(uses: readonly TypeColumnUse[], type: { schema: string; name: string }): string[] {
  const name = qualified(type.schema, type.name)
  const statements: string[] = []
  for (const use of uses) {
    if (!use.back) continue
    const dims = '[]'.repeat(use.dimensions)
    // Through text: the column may hold the old type's base (an enum replaced since), which only
    // converts to the new type through its text form.
    const through = `::text${dims}`
    statements.push(
      alterColumn(
        use.table,
        use.column,
        `TYPE ${name}${dims} USING ${quoteIdent(use.column)}${through}::${name}${dims}`,
      ),
    )
    if (use.default !== null)
      statements.push(alterColumn(use.table, use.column, `SET DEFAULT ${use.default}`))
  }
  return statements
}

export const typeRebuildRenderers: FamilyRenderers<TypeRebuildChange> = {
  'detach-type': (change) => detach(change.type, change.columns),
}
