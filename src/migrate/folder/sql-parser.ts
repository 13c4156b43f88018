import { TidemarkError } from '../../errors.js'
import { loadTool, type Tool } from '../../tools/load-tool.js'

type ParserModule = Tool<'libpg-query'>

let loading: Promise<ParserModule> | undefined
let loaded: ParserModule | undefined

/**
 * Loads PostgreSQL's own parser (libpg-query, compiled to WebAssembly) once per process. It is
 * loaded lazily because only splitting migration files needs it; after this resolves,
 * splitStatements is synchronous. It comes with `@tidemark/cli`: an app that applies migrations
 * from its own code installs that package as a dependency.
 */
export async function loadSqlParser(): Promise<void> {
  loading ??= loadTool('libpg-query', 'reading migration files').then(
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
