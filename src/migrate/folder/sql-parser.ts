import { TidemarkError } from '../../errors.js'

type ParserModule = typeof import('libpg-query')

let loading: Promise<ParserModule> | undefined
let loaded: ParserModule | undefined

/**
 * Loads PostgreSQL's own parser (libpg-query, compiled to WebAssembly) once per process. It is
 * loaded lazily because only splitting migration files needs it; after this resolves,
 * splitStatements is synchronous.
 */
export async function loadSqlParser(): Promise<void> {
  loading ??= import('libpg-query').then(
    async (parser) => {
      await parser.loadModule()
      loaded = parser
      return parser
    },
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  await loading
}

/** The loaded parser; throws when loadSqlParser() has not completed yet. */
export function sqlParser(): ParserModule {
  if (!loaded) throw new TidemarkError('The SQL parser is not loaded: call `await loadSqlParser()` first')
  return loaded
}
