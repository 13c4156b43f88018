import type { ErrorCode } from './error-code.js'

/**
 * An error the CLI reports as one or two lines, with its exit code: 1 for findings (pending work,
 * refused hazards, a folder that does not match its integrity file), 2 for usage, configuration,
 * connection and SQL errors. `code` is what `--json` reports (default: `finding` for exit code 1,
 * `usage` for 2).
 */
export class CliError extends Error {
  readonly code: ErrorCode

  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
    options?: { cause?: unknown; code?: ErrorCode },
  ) {
    super(message, options)
    this.name = 'CliError'
    this.code = options?.code ?? (exitCode === 1 ? 'finding' : 'usage')
  }
}
