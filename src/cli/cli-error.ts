/**
 * An error the CLI reports as one or two lines, with its exit code: 1 for findings (pending work,
 * refused hazards, a folder that does not match its integrity file), 2 for usage, configuration,
 * connection and SQL errors.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'CliError'
  }
}
