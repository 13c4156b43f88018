import { MissingPackageError } from '../../drivers/missing-package-error.js'

type PGliteModule = typeof import('@electric-sql/pglite')

// PGlite is an optional peer dependency: a project that replays its migrations on a server (or
// never generates) does not install it.
const PGLITE = '@electric-sql/pglite'

/** Why the scratch database needs PGlite, and the two ways out. */
export const SHADOW_NEEDS_PGLITE =
  'The scratch database where migrations are replayed and schemas compared runs on PGlite, and @electric-sql/pglite is not installed.\n' +
  'Install it (npm i -D @electric-sql/pglite), or set shadowDatabaseUrl in the config (or --shadow-url) to a PostgreSQL server.'

/** Imports PGlite; when it is not installed, throws a {@link MissingPackageError} with `message`. */
export async function importPglite(message: string = SHADOW_NEEDS_PGLITE): Promise<PGliteModule> {
  try {
    return await import('@electric-sql/pglite')
  } catch (error) {
    if (isPgliteNotFound(error)) throw new MissingPackageError(PGLITE, message, { cause: error })
    throw error
  }
}

/**
 * Where PGlite is installed, resolved without loading it; throws a {@link MissingPackageError} with
 * `message` when it is not installed.
 */
export function resolvePglite(message: string = SHADOW_NEEDS_PGLITE): string {
  try {
    return import.meta.resolve('@electric-sql/pglite')
  } catch (error) {
    if (isPgliteNotFound(error)) throw new MissingPackageError(PGLITE, message, { cause: error })
    throw error
  }
}

/** Node's "not found" for PGlite itself; a broken install fails with its own error instead. */
function isPgliteNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    error instanceof Error &&
    error.message.includes(PGLITE)
  )
}
