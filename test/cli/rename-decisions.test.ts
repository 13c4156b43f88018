import { integer, table, text, toModel } from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { CliError } from '../../src/cli/cli-error.js'
import { renameResolver } from '../../src/cli/rename-decisions.js'
import { findRenameCandidates, type RenameCandidate } from '../../src/diff/index.js'
import type { RenameDecisions } from '../../src/migrate/generate/plan.js'

const before = toModel({ users: table('users', { id: integer().primaryKey(), name: text(), nick: text() }) })
const after = toModel({ users: table('users', { id: integer().primaryKey(), fullName: text('full_name') }) })
const nothingDecided: RenameDecisions = { renames: { tables: [], columns: [] }, dropped: new Set() }

/** Runs the resolver until no candidate is left, as generate does. */
async function settle(resolver: ReturnType<typeof renameResolver>): Promise<RenameDecisions> {
  let decided = nothingDecided
  for (;;) {
    const candidates = findRenameCandidates(before, after, decided.renames, decided.dropped)
    if (candidates.length === 0) return decided
    decided = await resolver(candidates, decided)
  }
}

describe('rename decisions', () => {
  it('fails without a terminal, listing every candidate with the flags that decide it', async () => {
    const error = await settle(renameResolver([], [], undefined)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).exitCode).toBe(1)
    expect((error as CliError).message).toContain(
      'users.name -> users.full_name?  rename: --rename users.name=users.full_name   drop: --no-rename users.name',
    )
    expect((error as CliError).message).toContain('users.nick -> users.full_name?')
  })

  it('takes flags: one rename, and the other column confirmed as dropped', async () => {
    const resolver = renameResolver(['users.nick=users.full_name'], ['users.name'], undefined)
    const decided = await settle(resolver)
    expect(decided.renames.columns).toEqual([
      { schema: 'public', table: 'users', from: 'nick', to: 'full_name' },
    ])
    expect([...decided.dropped]).toEqual(['users.name'])
    expect(resolver.unusedFlags()).toEqual([])
  })

  it('reports flags that match no candidate', async () => {
    const resolver = renameResolver(
      ['users.name=users.full_name', 'users.nik=users.full_name'],
      [],
      undefined,
    )
    await settle(resolver).catch(() => undefined)
    expect(resolver.unusedFlags()).toEqual(['--rename users.nik=users.full_name'])
  })

  it('asks about one disappeared column at a time in a terminal', async () => {
    const asked: string[][] = []
    const ask = async (candidates: readonly RenameCandidate[]) => {
      asked.push(candidates.map((c) => `${c.from}=${c.to}`))
      return candidates[0]!.from === 'users.name' ? candidates[0]! : candidates[0]!.from
    }
    const decided = await settle(renameResolver([], [], ask))
    expect(asked).toEqual(
      [['users.name=users.full_name'], ['users.nick=users.full_name']].slice(0, asked.length),
    )
    expect(decided.renames.columns).toEqual([
      { schema: 'public', table: 'users', from: 'name', to: 'full_name' },
    ])
  })
})
