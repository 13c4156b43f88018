import { renderChanges } from '../../dialects/pg/ddl/index.js'
import { quoteLiteral } from '../../dialects/pg/grammar/index.js'
import type { Change, ChangeBody } from '../../diff/changes.js'
import { describeChange } from '../../diff/describe.js'

const NO_TRANSACTION_MARKER = '-- tidemark:no-transaction'

/**
 * A migration file as a person reads it: a header that lists the changes and their hazards, then
 * one statement per change, each ending in a semicolon, runnable with psql.
 */
export function migrationText(name: string, direction: 'up' | 'down', changes: readonly Change[]): string {
  const statements = renderChanges(changes)
  const lines: string[] = []
  if (needsNoTransaction(changes, statements)) {
    lines.push(
      NO_TRANSACTION_MARKER,
      '-- (a new enum value is used in the same migration, which PostgreSQL only allows after it is committed)',
    )
  }
  lines.push(`-- ${name} (${direction}), written by tidemark generate`, '--')
  for (const change of changes) lines.push(`-- ${describeChange(change)}`)
  const hazards = changes.flatMap((c) => c.hazards)
  if (hazards.length > 0) {
    lines.push('--', '-- Hazards:')
    for (const hazard of hazards) lines.push(`--   ${hazard.kind}: ${hazard.message}`)
  }
  return `${lines.join('\n')}\n\n${statements.map((s) => `${s};\n`).join('\n')}`
}

/**
 * ALTER TYPE … ADD VALUE may run in a transaction, but the new label cannot be used before that
 * transaction commits. When a later statement mentions an added label (a default, say), the
 * migration runs outside a transaction instead.
 */
function needsNoTransaction(changes: readonly ChangeBody[], statements: readonly string[]): boolean {
  const added = changes.flatMap((c) => (c.kind === 'add-enum-value' ? [quoteLiteral(c.value)] : []))
  if (added.length === 0) return false
  // A comment's text may quote a label; it never uses one.
  const rest = statements.filter((s) => !/^ALTER TYPE .* ADD VALUE /.test(s) && !s.startsWith('COMMENT ON '))
  return rest.some((s) => added.some((label) => s.includes(label)))
}
