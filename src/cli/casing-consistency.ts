import type { Casing } from '../schema/casing.js'
import { nameFromKey } from '../schema/casing.js'
import { type AnyTable, tableDefinition } from '../schema/table.js'
import { CliError } from './cli-error.js'

/**
 * Refuses a schema whose columns are not named in the config's casing. The config cannot apply a
 * casing itself: the application imports the schema module, not the config, so a name the config
 * changed would reach the migrations but not the queries. Columns with a name of their own, and keys
 * the casing leaves as they are, agree with any casing.
 */
export function checkCasingConsistency(tables: readonly AnyTable[], casing: Casing | undefined): void {
  if (casing === undefined) return
  const mismatches: string[] = []
  let firstSchema = 'public'
  for (const table of tables) {
    const definition = table[tableDefinition]
    if (definition.casing === casing) continue
    for (const key of definition.namedByKey ?? []) {
      const wanted = nameFromKey(key, casing)
      const actual = definition.columns[key]?.name
      if (actual === undefined || actual === wanted) continue
      if (mismatches.length === 0) firstSchema = definition.schema
      mismatches.push(`${definition.name}.${key} is named "${actual}", not "${wanted}"`)
    }
  }
  if (mismatches.length === 0) return
  const more = mismatches.length > 1 ? ` (and ${mismatches.length - 1} more)` : ''
  throw new CliError(
    `The config sets casing: '${casing}', but ${mismatches[0]}${more}: its table does not declare the casing.\n` +
      `Declare it in the schema module, where queries see it too: schema('${firstSchema}', { casing: '${casing}' }).table(...) or table(name, columns, extras, { casing: '${casing}' }).`,
    2,
    { code: 'schema' },
  )
}
