/** What the generate tests share: rename resolvers, file reading, and shadows. */
import type { RenameResolver } from '../../../src/migrate/generate/plan.js'
import { serverUrl } from '../../support/databases.js'

/** For plans that must not meet a rename candidate: meeting one fails the test. */
export const noRenames = async (): Promise<never> => {
  throw new Error('no rename candidates expected')
}

/** Answers every rename candidate with "dropped, not renamed": the plan drops and creates. */
export const keepAsDrops: RenameResolver = async (candidates, decided) => ({
  renames: decided.renames,
  dropped: new Set([...decided.dropped, ...candidates.map((c) => c.from)]),
})

/** The statements of a migration file, without its header. */
export function statementsOf(text: string): string[] {
  const body = text.slice(text.indexOf('\n\n') + 2)
  return body
    .split(';\n\n')
    .map((s) => s.replace(/;\n$/, ''))
    .filter((s) => s !== '')
}

/** The embedded shadow always, and a server shadow when a server is configured. */
export const shadows: readonly { readonly name: string; readonly url: string | undefined }[] = [
  { name: 'embedded shadow', url: undefined },
  ...(serverUrl === undefined ? [] : [{ name: 'server shadow', url: serverUrl }]),
]
