import { TidemarkError } from '../errors.js'
import { SQL } from '../sql/sql.js'
import type { TransactionOptions } from './database.js'

const isolationLevels = {
  'read committed': 'ISOLATION LEVEL READ COMMITTED',
  'repeatable read': 'ISOLATION LEVEL REPEATABLE READ',
  serializable: 'ISOLATION LEVEL SERIALIZABLE',
} as const

const accessModes = { 'read write': 'READ WRITE', 'read only': 'READ ONLY' } as const

/**
 * The `SET TRANSACTION` statement for these options, or undefined when they ask for nothing.
 * Values are checked against fixed tables because the statement cannot take parameters.
 */
export function setTransactionStatement(options: TransactionOptions | undefined): SQL | undefined {
  if (!options) return undefined
  const modes: string[] = []
  if (options.isolationLevel !== undefined)
    modes.push(lookup(isolationLevels, options.isolationLevel, 'isolationLevel'))
  if (options.accessMode !== undefined) modes.push(lookup(accessModes, options.accessMode, 'accessMode'))
  if (modes.length === 0) return undefined
  return new SQL([{ kind: 'text', text: `SET TRANSACTION ${modes.join(' ')}` }])
}

function lookup(table: Record<string, string>, value: string, option: string): string {
  if (!Object.hasOwn(table, value)) {
    throw new TidemarkError(
      `Unknown transaction ${option} ${JSON.stringify(value)}; expected one of ${Object.keys(table).join(', ')}`,
    )
  }
  return table[value]!
}
