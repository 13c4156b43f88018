/**
 * The `tidemark` command: parses the command name, runs it, and turns every failure into one clear
 * message and an exit code (0 success, 1 findings, 2 usage, configuration, connection or SQL error).
 */
import { readFileSync } from 'node:fs'
import { TidemarkError } from '../errors.js'
import { MigrationHistoryError, MigrationSumError } from '../migrate/migration-errors.js'
import { CliError } from './cli-error.js'
import { baselineCommand } from './commands/baseline.js'
import { checkCommand } from './commands/check.js'
import { exportCommand } from './commands/export.js'
import { generateCommand } from './commands/generate.js'
import { hashCommand } from './commands/hash.js'
import { initCommand } from './commands/init.js'
import { migrateCommand } from './commands/migrate.js'
import { pullCommand } from './commands/pull.js'
import { pushCommand } from './commands/push.js'
import { statusCommand } from './commands/status.js'
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

Flags (every command):
${GLOBAL_FLAGS_HELP}  -v, --version        the version

Run 'tidemark <command> --help' for a command's own flags.

Exit codes: 0 success, 1 findings, 2 usage, configuration, connection or SQL error.
`

const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
  baseline: baselineCommand,
  check: checkCommand,
  export: exportCommand,
  init: initCommand,
  push: pushCommand,
  status: statusCommand,
  generate: generateCommand,
  migrate: migrateCommand,
  pull: pullCommand,
  hash: hashCommand,
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
    const command = COMMANDS[first]
    if (command === undefined) {
      const kind = first.startsWith('-') ? 'flag' : 'command'
      const meant = kind === 'command' ? didYouMean(first, Object.keys(COMMANDS)) : undefined
      throw new CliError(
        meant === undefined
          ? `unknown ${kind} '${first}'. Run 'tidemark --help' for the commands.`
          : `unknown command '${first}'. Did you mean '${meant}'?`,
      )
    }
    return await command(rest, io)
  } catch (error) {
    return report(error, { verbose: rest.includes('--verbose'), json }, io)
  }
}

function report(error: unknown, options: { verbose: boolean; json: boolean }, io: CliIo): number {
  // A history that disagrees with the journal or its sum file is a finding, like drift; the rest are errors.
  const finding = error instanceof MigrationHistoryError || error instanceof MigrationSumError
  const exitCode = error instanceof CliError ? error.exitCode : finding ? 1 : 2
  const known = error instanceof CliError || error instanceof TidemarkError
  const text = error instanceof Error ? error.message : String(error)
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
