import { TidemarkError } from '../errors.js'

/**
 * An optional peer dependency (a driver, PGlite) that the work at hand needs is not installed. The
 * message names the package to install and, where there is one, the way to do without it.
 */
export class MissingPackageError extends TidemarkError {
  constructor(
    /** The npm package, e.g. `@electric-sql/pglite`. */
    readonly packageName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'MissingPackageError'
  }
}
