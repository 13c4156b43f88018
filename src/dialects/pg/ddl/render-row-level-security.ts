import type { TableModel } from '../../../model/types.js'
import { qualified } from './render-parts.js'

/** `ALTER TABLE ... ENABLE | DISABLE | FORCE | NO FORCE ROW LEVEL SECURITY` for one flag. */
export function setRowLevelSecurity(
  table: { schema: string; name: string },
  flag: 'enabled' | 'forced',
  to: boolean,
): string {
  const action = flag === 'enabled' ? (to ? 'ENABLE' : 'DISABLE') : to ? 'FORCE' : 'NO FORCE'
  return `ALTER TABLE ${qualified(table.schema, table.name)} ${action} ROW LEVEL SECURITY`
}

/** The flags of a table just created (which starts with both off). */
export function tableRowLevelSecurity(table: TableModel): string[] {
  const statements: string[] = []
  if (table.rowLevelSecurity.enabled) statements.push(setRowLevelSecurity(table, 'enabled', true))
  if (table.rowLevelSecurity.forced) statements.push(setRowLevelSecurity(table, 'forced', true))
  return statements
}
