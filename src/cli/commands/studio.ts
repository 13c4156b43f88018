import type { Database } from '../../database/database.js'
import { checkDatabase } from '../../migrate/check/check.js'
import type { StudioContext } from '../../studio/api-routes.js'
import { type RunningStudio, startStudio } from '../../studio/studio-server.js'
import { checkOptions, readCheckInputs } from '../check-inputs.js'
import { CliError } from '../cli-error.js'
import { openLiveDatabase } from '../connect.js'
import { parseFlags, stringFlag, withGlobalFlags } from '../flags.js'
import type { CliIo } from '../io.js'
import { resolveSettings, type Settings } from '../settings.js'

export const STUDIO_HELP = withGlobalFlags(`Usage: tidemark studio [--port N] [flags]

Starts a local web page over the live database and prints its address. It shows:
  the tables with their columns, keys and foreign keys as a diagram;
  each table's rows, page by page, editable cell by cell (tables with a primary key);
  the migrations with their state (as 'tidemark status') and the hazards they declare;
  the 'tidemark check' report, with the SQL that would undo drift.
The server listens on 127.0.0.1 only, and every request needs the random token in the printed
address. Edits change the live database at once. Stop it with Ctrl-C.

  --port N             the port to listen on (default: a free one)
`)

/** A studio started by the command, with the database it holds open. */
export interface LaunchedStudio extends RunningStudio {
  /** The live database the studio reads and edits. */
  readonly db: Database
  /** Stops the server and closes the database. */
  stop(): Promise<void>
}

export async function studioCommand(args: readonly string[], io: CliIo): Promise<number> {
  const studio = await launchStudio(args, io)
  if (studio === undefined) return 0
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await studio.stop()
  io.stderr.write('Studio stopped.\n')
  return 0
}

/**
 * Parses the flags, opens the live database as `check` does and starts the server; undefined for
 * `--help`. Separate from the command so tests can start and stop a studio in-process.
 */
export async function launchStudio(args: readonly string[], io: CliIo): Promise<LaunchedStudio | undefined> {
  const flags = parseFlags('studio', args, { port: { type: 'string' } })
  if (flags.values.help === true) {
    io.stdout.write(STUDIO_HELP)
    return undefined
  }
  if (flags.positionals.length > 0)
    throw new CliError(`studio takes no arguments ('${flags.positionals[0]}'). Run 'tidemark studio --help'.`)
  const port = parsePort(stringFlag(flags, 'port'))
  const settings = await resolveSettings(flags, io)
  const db = await openLiveDatabase(settings)
  let running: RunningStudio
  try {
    running = await startStudio(studioContext(settings, db), { port })
  } catch (error) {
    await db.close()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE')
      throw new CliError(
        `Port ${port} is in use. Pick another with --port, or leave --port out for a free one.`,
      )
    throw error
  }
  if (settings.json) io.stdout.write(`${JSON.stringify({ url: running.url })}\n`)
  else
    io.stdout.write(
      `Tidemark Studio is running at\n\n  ${running.url}\n\nOpen it in a browser; stop it with Ctrl-C.\n`,
    )
  return {
    ...running,
    db,
    stop: async () => {
      await running.close()
      await db.close()
    },
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0
  const port = Number(text)
  if (!/^\d+$/.test(text) || port < 1 || port > 65535)
    throw new CliError(`--port must be a port number from 1 to 65535, not '${text}'.`)
  return port
}

/** The studio's view of the project: the same database, folder, journal and check as the commands. */
function studioContext(settings: Settings, db: Database): StudioContext {
  return {
    db,
    migrations: settings.migrations,
    journal: settings.journal,
    schemas: settings.schemas,
    check: async () => checkDatabase(checkOptions(settings, db, await readCheckInputs(settings))),
  }
}
