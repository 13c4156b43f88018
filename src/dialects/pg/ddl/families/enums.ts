import type { EnumChange } from '../../../../diff/families/enums.js'
import type { EnumModel } from '../../../../model/types.js'
import { quoteIdent, quoteLiteral } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { commentOn, enumComments, enumTarget } from '../render-comments.js'
import { alterColumn, qualified } from '../render-parts.js'

/** The name the old type takes while its columns move to the new one; at most 63 bytes. */
function retiredEnumName(name: string): string {
  const suffix = '__tidemark_old'
  let base = name
  while (Buffer.byteLength(base + suffix) > 63) base = base.slice(0, -1)
  return base + suffix
}

/**
 * Removing or reordering enum labels: PostgreSQL cannot do either in place. The old type steps aside
 * under a retired name and a new one takes its name; later statements (new columns, defaults) use
 * the new type. Then the columns still on the old type move over through text (failing, and rolling
 * back, if a row holds a removed label), and the old type is dropped.
 */
function replaceEnum(e: EnumModel): string[] {
  return [
    `ALTER TYPE ${qualified(e.schema, e.name)} RENAME TO ${quoteIdent(retiredEnumName(e.name))}`,
    `CREATE TYPE ${qualified(e.schema, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')})`,
  ]
}

function moveEnumColumns(change: Extract<EnumChange, { kind: 'move-enum-columns' }>): string[] {
  const { schema, name } = change.enum
  const statements: string[] = []
  for (const use of change.columns) {
    const dims = '[]'.repeat(use.dimensions)
    const type = `${qualified(schema, name)}${dims}`
    const column = quoteIdent(use.column)
    if (use.hadDefault) statements.push(alterColumn(use.table, use.column, 'DROP DEFAULT'))
    statements.push(alterColumn(use.table, use.column, `TYPE ${type} USING ${column}::text${dims}::${type}`))
    if (use.default !== null)
      statements.push(alterColumn(use.table, use.column, `SET DEFAULT ${use.default}`))
  }
  statements.push(`DROP TYPE ${qualified(schema, retiredEnumName(name))}`)
  return statements
}

export const enumRenderers: FamilyRenderers<EnumChange> = {
  'create-enum': (change) => [
    `CREATE TYPE ${qualified(change.enum.schema, change.enum.name)} AS ENUM (${change.enum.values.map(quoteLiteral).join(', ')})`,
    ...enumComments(change.enum),
  ],
  'drop-enum': (change) => [`DROP TYPE ${qualified(change.enum.schema, change.enum.name)}`],
  'add-enum-value': (change) => {
    const position = change.before === null ? '' : ` BEFORE ${quoteLiteral(change.before)}`
    return [
      `ALTER TYPE ${qualified(change.enum.schema, change.enum.name)} ADD VALUE ${quoteLiteral(change.value)}${position}`,
    ]
  },
  'replace-enum': (change) => [...replaceEnum(change.to), ...enumComments(change.to)],
  'move-enum-columns': moveEnumColumns,
  'set-enum-comment': (change) => [commentOn(enumTarget(change.enum.schema, change.enum.name), change.to)],
}
