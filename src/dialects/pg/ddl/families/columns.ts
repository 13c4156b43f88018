import type { ObjectRef } from '../../../../diff/change-parts.js'
import type { ColumnChange } from '../../../../diff/families/columns.js'
import { classifyTypeChange } from '../../../../diff/type-change.js'
import type { IdentityModel } from '../../../../model/types.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { columnTarget, commentOn } from '../render-comments.js'
import {
  alterColumn,
  alterTable,
  collate,
  columnDefinition,
  columnType,
  qualified,
  sequenceClauses,
} from '../render-parts.js'

/**
 * In-place changes go without USING, so PostgreSQL can skip the rewrite. Widening ones cast
 * directly. Others go through text: every type has a text form and an input function, so the
 * migration is valid SQL for any pair of types and fails, rolled back, only on a value that does not
 * convert (the change carries a data-loss hazard).
 */
function usingCast(change: Extract<ColumnChange, { kind: 'alter-column-type' }>): string {
  const kind = classifyTypeChange(change.from, change.to)
  if (kind === 'in-place') return ''
  const column = quoteIdent(change.to.name)
  const type = columnType(change.to)
  const viaText = kind === 'narrowing' && !/^(text|character varying)(\(\d+\))?$/.test(change.to.type)
  return viaText ? ` USING ${column}::text::${type}` : ` USING ${column}::${type}`
}

function identityClause(identity: IdentityModel): string {
  const { name, ...numbers } = identity.sequence
  const generation = identity.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT'
  return `GENERATED ${generation} AS IDENTITY (SEQUENCE NAME ${quoteIdent(name)} ${sequenceClauses(numbers)})`
}

function alterIdentity(ref: ObjectRef, column: string, from: IdentityModel, to: IdentityModel): string[] {
  const statements: string[] = []
  if (from.sequence.name !== to.sequence.name) {
    statements.push(
      `ALTER SEQUENCE ${qualified(ref.schema, from.sequence.name)} RENAME TO ${quoteIdent(to.sequence.name)}`,
    )
  }
  const actions: string[] = []
  if (from.generation !== to.generation) {
    actions.push(`SET GENERATED ${to.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`)
  }
  const a = from.sequence
  const b = to.sequence
  if (a.increment !== b.increment) actions.push(`SET INCREMENT BY ${b.increment}`)
  if (a.minValue !== b.minValue) actions.push(`SET MINVALUE ${b.minValue}`)
  if (a.maxValue !== b.maxValue) actions.push(`SET MAXVALUE ${b.maxValue}`)
  if (a.start !== b.start) actions.push(`SET START WITH ${b.start}`)
  if (a.cache !== b.cache) actions.push(`SET CACHE ${b.cache}`)
  if (a.cycle !== b.cycle) actions.push(b.cycle ? 'SET CYCLE' : 'SET NO CYCLE')
  if (actions.length > 0) statements.push(alterColumn(ref, column, actions.join(' ')))
  return statements
}

export const columnRenderers: FamilyRenderers<ColumnChange> = {
  'add-column': (change) => {
    const { schema, name } = change.table
    const column = change.column
    return [
      alterTable(change.table, `ADD COLUMN ${columnDefinition(column)}`),
      ...(column.comment === null
        ? []
        : [commentOn(columnTarget(schema, name, column.name), column.comment)]),
    ]
  },
  'drop-column': (change) => [alterTable(change.table, `DROP COLUMN ${quoteIdent(change.column.name)}`)],
  'rename-column': (change) => [
    alterTable(change.table, `RENAME COLUMN ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`),
  ],
  'alter-column-type': (change) => [
    alterColumn(
      change.table,
      change.to.name,
      `TYPE ${columnType(change.to)}${collate(change.to.collation)}${usingCast(change)}`,
    ),
  ],
  'set-column-default': (change) => [
    alterColumn(
      change.table,
      change.column,
      change.default === null ? 'DROP DEFAULT' : `SET DEFAULT ${change.default}`,
    ),
  ],
  'set-column-not-null': (change) => [
    alterColumn(change.table, change.column, change.notNull ? 'SET NOT NULL' : 'DROP NOT NULL'),
  ],
  'add-identity': (change) => [
    alterColumn(change.table, change.column, `ADD ${identityClause(change.identity)}`),
  ],
  'drop-identity': (change) => [alterColumn(change.table, change.column, 'DROP IDENTITY')],
  'alter-identity': (change) => alterIdentity(change.table, change.column, change.from, change.to),
  'drop-generated': (change) => [alterColumn(change.table, change.column, 'DROP EXPRESSION')],
  'set-column-comment': (change) => [
    commentOn(columnTarget(change.table.schema, change.table.name, change.column), change.to),
  ],
}
