import type { CliIo } from './io.js'

/** ANSI styles for stdout, or plain text when it is not a terminal or NO_COLOR is set. */
export interface Paint {
  readonly red: (text: string) => string
  readonly green: (text: string) => string
  readonly yellow: (text: string) => string
  readonly bold: (text: string) => string
  readonly dim: (text: string) => string
}

const style =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`
const plain = (text: string): string => text

export function paint(io: CliIo): Paint {
  if (io.colors !== true) return { red: plain, green: plain, yellow: plain, bold: plain, dim: plain }
  return {
    red: style(31, 39),
    green: style(32, 39),
    yellow: style(33, 39),
    bold: style(1, 22),
    dim: style(2, 22),
  }
}

/** A progress line on stderr for steps that may take seconds; silent unless stderr is a terminal. */
export interface Progress {
  step(text: string): void
  done(): void
}

export function progress(io: CliIo, quiet: boolean): Progress {
  if (io.progress !== true || quiet) return { step() {}, done() {} }
  let shown = false
  return {
    step(text) {
      io.stderr.write(`\r\u001b[2K${text}...`)
      shown = true
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K')
      shown = false
    },
  }
}
