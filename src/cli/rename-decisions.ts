import type { ColumnRename, RenameCandidate, TableRename } from '../diff/renames.js'
import type { RenameDecisions, RenameResolver } from '../migrate/generate/plan.js'
import { CliError } from './cli-error.js'

/**
 * Settles rename candidates from `--rename old=new` and `--no-rename old`, then, for what is left,
 * asks (`ask`, in a terminal) or fails with every candidate and the flags that decide it (CI).
 * Flags that match no candidate are reported too: a typo must not go unnoticed.
 */
export function renameResolver(
  renameFlags: readonly string[],
  keepDroppedFlags: readonly string[],
  ask: ((candidates: readonly RenameCandidate[]) => Promise<RenameCandidate | string>) | undefined,
): RenameResolver & { unusedFlags(): string[] } {
  const used = new Set<string>()
  const resolver = async (
    candidates: readonly RenameCandidate[],
    decided: RenameDecisions,
  ): Promise<RenameDecisions> => {
    const tables: TableRename[] = [...decided.renames.tables]
    const columns: ColumnRename[] = [...decided.renames.columns]
    const dropped = new Set(decided.dropped)
    const accept = (candidate: RenameCandidate): void => {
      if (candidate.kind === 'table') tables.push(candidate.rename as TableRename)
      else columns.push(candidate.rename as ColumnRename)
    }
    let progressed = false
    for (const candidate of candidates) {
      const flag = `${candidate.from}=${candidate.to}`
      if (renameFlags.includes(flag)) {
        used.add(`--rename ${flag}`)
        accept(candidate)
        progressed = true
        break // Other candidates may involve the same names: find them again.
      }
      if (keepDroppedFlags.includes(candidate.from) && !dropped.has(candidate.from)) {
        used.add(`--no-rename ${candidate.from}`)
        dropped.add(candidate.from)
        progressed = true
      }
    }
    if (!progressed) {
      if (ask === undefined) throw undecided(candidates)
      // Tables first: renaming one changes which of its columns are candidates.
      const first = candidates.find((c) => c.kind === 'table') ?? candidates[0]!
      const answer = await ask(candidates.filter((c) => c.from === first.from))
      if (typeof answer === 'string') dropped.add(answer)
      else accept(answer)
    }
    return { renames: { tables, columns }, dropped }
  }
  return Object.assign(resolver, {
    unusedFlags: () => [
      ...renameFlags.map((f) => `--rename ${f}`).filter((f) => !used.has(f)),
      ...keepDroppedFlags.map((f) => `--no-rename ${f}`).filter((f) => !used.has(f)),
    ],
  })
}

function undecided(candidates: readonly RenameCandidate[]): CliError {
  const lines = candidates.map(
    (c) => `  ${c.from} -> ${c.to}?  rename: --rename ${c.from}=${c.to}   drop: --no-rename ${c.from}`,
  )
  return new CliError(
    `Some ${candidates.some((c) => c.kind === 'table') ? 'tables or columns' : 'columns'} disappeared while similar ones appeared; say for each whether it was renamed (data kept) or dropped (data lost), then run generate again:\n${lines.join('\n')}`,
    1,
  )
}

/** The flags of the commands that settle renames (generate, push). */
export const RENAME_FLAGS = {
  rename: { type: 'string', multiple: true },
  'no-rename': { type: 'string', multiple: true },
} as const

export const RENAME_FLAGS_HELP = `  --rename OLD=NEW     a table (users=members) or column (users.name=users.full_name) was renamed
  --no-rename OLD      OLD was dropped, not renamed (its data is lost)
`

/** A flag that matched no candidate is a typo until proven otherwise. */
export function assertRenameFlagsUsed(resolver: { unusedFlags(): string[] }): void {
  const unused = resolver.unusedFlags()
  if (unused.length > 0) {
    throw new CliError(
      `${unused.join(', ')} matched no rename candidate. Check the names, or remove the flag.`,
    )
  }
}
