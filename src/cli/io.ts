/** Where the CLI writes: process.stdout and process.stderr, or a test's capture. */
export interface Output {
  write(text: string): unknown
}

/** The process around a CLI run, injectable so tests run commands in-process. */
export interface CliIo {
  readonly stdout: Output
  readonly stderr: Output
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  /** Whether a person can answer questions (a terminal on both ends). */
  readonly interactive: boolean
  /** Whether stdout may carry colors: a terminal, and NO_COLOR unset. */
  readonly colors?: boolean
  /** Whether stderr is a terminal, where a progress line can be drawn and erased. */
  readonly progress?: boolean
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    colors: Boolean(process.stdout.isTTY) && (process.env.NO_COLOR ?? '') === '',
    progress: Boolean(process.stderr.isTTY),
  }
}
