import { objectKey } from './object-key.js'
import type { SchemaModel } from './types.js'

/**
 * Policies that cannot take effect: on a table whose row-level security is not enabled, PostgreSQL
 * keeps them and ignores them. Legal, so not an error, but rarely meant.
 *
 * @example
 * policyWarnings(toModel(schema))
 * // ['policy own_notes on notes has no effect: row-level security is not enabled on notes (add enableRowLevelSecurity())']
 */
export function policyWarnings(model: SchemaModel): string[] {
  return model.tables.flatMap((table) => {
    if (table.rowLevelSecurity.enabled) return []
    const name = table.schema === 'public' ? table.name : objectKey(table)
    return table.policies.map(
      (p) =>
        `policy ${p.name} on ${name} has no effect: row-level security is not enabled on ${name} (add enableRowLevelSecurity())`,
    )
  })
}
