import { entryOf } from './change-kinds.js'
import type { ChangeBody } from './changes.js'

/** One line a person reads in a migration's header or the CLI's output: `add column users.bio`. */
export function describeChange(change: ChangeBody): string {
  return entryOf(change).describe(change)
}
