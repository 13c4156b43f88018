/**
 * The `tidemark` command: parses the command name, runs it, and turns every failure into one clear
 * message and an exit code (0 success, 1 findings, 2 usage, configuration, connection or SQL error).
 */
import { readFileSync } from 'node:fs'
import { TidemarkError } from '../errors.js'
import { MigrationHistoryError, MigrationSumError } from '../migrate/folder/migration-errors.js'
import { MissingToolError } from '../tools/load-tool.js'
import { CliError } from './cli-error.js'
import { didYouMean } from './did-you-mean.js'
import { errorCode } from './error-code.js'
import { GLOBAL_FLAGS_HELP } from './flags.js'
import { type CliIo, processIo } from './io.js'

export type { CliIo, Output } from './io.js'

const HELP = `tidemark: PostgreSQL schema as code, typed SQL, and migrations that catch schema drift

Usage: tidemark <command> [flags]

Commands:
  init            set up a project: config, a schema module, a migrations folder
  generate        write the next migration (up and down) from schema changes
  migrate         apply pending migrations, each exactly once
  migrate down    undo the latest migration(s)
  status          every migration with its state in the database
  check           is the database what its migrations and code say? (drift, forgotten generate, journal)
  pull            write the schema code (TypeScript) for what the database holds
  push            development: change the database straight to the schema (asks before data loss)
  export          print the SQL that builds the schema in an empty database
  baseline        adopt an existing database: verify it matches the migrations, record them applied
  hash            rewrite migrations/tidemark.sum after a deliberate edit
  studio          a local web page: schema diagram, rows to browse and edit, migrations, drift

Flags (every command):
${GLOBAL_FLAGS_HELP}  -v, --version        the version

Run 'tidemark <command> --help' for a command's own flags.

Exit codes: 0 success, 1 findings, 2 usage, configuration, connection or SQL error.
`

type Command = (args: readonly string[], io: CliIo) => Promise<number>

// Each command is loaded when it runs: `status` or `migrate` at container start must not load the
// differ, the code generator and the prompt library that `generate` and `pull` need.
const COMMANDS: Record<string, () => Promise<Command>> = {
  baseline: async () => (await import('./commands/baseline.js')).baselineCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  push: async () => (await import('./commands/push.js')).pushCommand,
  status: async () => (await import('./commands/status.js')).statusCommand,
  generate: async () => (await import('./commands/generate.js')).generateCommand,
  migrate: async () => (await import('./commands/migrate.js')).migrateCommand,
  pull: async () => (await import('./commands/pull.js')).pullCommand,
  hash: async () => (await import('./commands/hash.js')).hashCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  studio: async () => (await import('./commands/studio.js')).studioCommand,
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return manifest.version
}

/** Runs the CLI; returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = args
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(HELP)
    return first === undefined ? 2 : 0
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version()}\n`)
    return 0
  }
  const json = args.includes('--json')
  try {
    const load = COMMANDS[first]
    if (load === undefined) {
      const kind = first.startsWith('-') ? 'flag' : 'command'
      const meant = kind === 'command' ? didYouMean(first, Object.keys(COMMANDS)) : undefined
      throw new CliError(
        meant === undefined
          ? `unknown ${kind} '${first}'. Run 'tidemark --help' for the commands.`
          : `unknown command '${first}'. Did you mean '${meant}'?`,
      )
    }
    const command = await load()
    return await command(rest, io)
  } catch (error) {
    return report(error, { command: first, verbose: rest.includes('--verbose'), json }, io)
  }
}

function report(
  error: unknown,
  options: { command: string; verbose: boolean; json: boolean },
  io: CliIo,
): number {
  // A history that disagrees with the journal or its sum file is a finding, like drift; the rest are errors.
  const finding = error instanceof MigrationHistoryError || error instanceof MigrationSumError
  const exitCode = error instanceof CliError ? error.exitCode : finding ? 1 : 2
  const known = error instanceof CliError || error instanceof TidemarkError
  const text =
    error instanceof MissingToolError
      ? error.forCommand(options.command)
      : error instanceof Error
        ? error.message
        : String(error)
  const message = known ? text : `unexpected error: ${text}`
  // A script reading --json output gets a document on every run; people read stderr.
  if (options.json) io.stdout.write(`${JSON.stringify({ error: { code: errorCode(error), message } })}\n`)
  io.stderr.write(`tidemark: ${message}\n`)
  if (options.verbose && error instanceof Error) {
    io.stderr.write(`${error.stack ?? ''}\n`)
    let cause = error.cause
    while (cause instanceof Error) {
      io.stderr.write(`Caused by: ${cause.stack ?? cause.message}\n`)
      cause = cause.cause
    }
  } else if (!known) {
    io.stderr.write('Run again with --verbose for the stack trace.\n')
  }
  return exitCode
}
