/** What the generate tests share: a rename resolver that expects none, file reading, and shadows. */
import { serverUrl } from '../../support/databases.js'

/** For plans that must not meet a rename candidate: meeting one fails the test. */
export const noRenames = async (): Promise<never> => {
  throw new Error('no rename candidates expected')
}

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
