/**
 * The `tidemark` command. For now it answers --help and --version; the migration and drift
 * commands arrive with the next releases.
 */
import { readFileSync } from 'node:fs'

const HELP = `tidemark: PostgreSQL schema as code, typed SQL, and migrations that catch schema drift

Usage: tidemark <command> [flags]

Commands (coming next, see the README's roadmap):
  generate   write a migration (up and down) from schema changes
  migrate    apply pending migrations, each exactly once
  check      tell whether the database drifted from its migrations and the code

Flags:
  -h, --help     show this help
  -v, --version  print the version

Exit codes: 0 success, 1 findings, 2 usage or configuration error.
`

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return manifest.version
}

/** Where the CLI writes: process.stdout and process.stderr, or a test's capture. */
export interface Output {
  write(text: string): unknown
}

/** Runs the CLI; returns the exit code. */
export function runCli(
  args: readonly string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): number {
  const [first] = args
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    out.write(HELP)
    return first === undefined ? 2 : 0
  }
  if (first === '-v' || first === '--version') {
    out.write(`${version()}\n`)
    return 0
  }
  const kind = first.startsWith('-') ? 'flag' : 'command'
  err.write(
    `tidemark: unknown ${kind} '${first}'. Run 'tidemark --help' for the commands this version has.\n`,
  )
  return 2
}
