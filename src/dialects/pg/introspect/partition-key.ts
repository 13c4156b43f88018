import type { PartitionKeyModel } from '../../../model/types.js'
import { closingBracket } from '../grammar/catalog-text.js'

/** `RANGE (created_at, lower(region))` as pg_get_partkeydef prints it, split into strategy and key. */
export function partitionKey(printed: string): PartitionKeyModel {
  const open = printed.indexOf('(')
  const close = open < 0 ? -1 : closingBracket(printed, open)
  const strategy = printed.slice(0, Math.max(open, 0)).trim().toLowerCase()
  if (close < 0 || (strategy !== 'range' && strategy !== 'list' && strategy !== 'hash')) {
    throw new Error(`unexpected partition key: ${printed}`)
  }
  return { strategy, key: printed.slice(open + 1, close).trim() }
}
