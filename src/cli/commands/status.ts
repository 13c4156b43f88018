import { readMigrationFolder } from '../../migrate/folder/migration-folder.js'
import { readJournal } from '../../migrate/runner/journal.js'
import { migrationStates } from '../../migrate/runner/migration-states.js'
import { CliError } from '../cli-error.js'
import { openLiveDatabase } from '../connect.js'
import { parseFlags, withGlobalFlags } from '../flags.js'
import type { CliIo } from '../io.js'
import { resolveSettings } from '../settings.js'
import { paint, progress } from '../terminal.js'

export const STATUS_HELP = withGlobalFlags(`Usage: tidemark status [flags]

Lists every migration with its state in the live database: applied (and when), pending, edited
since it was applied, missing from the folder, out of order, or unfinished. Only reads the database.
Exit code 0 whatever the states; 'tidemark check' is the command that fails on them.
`)

export type { MigrationState } from '../../migrate/runner/migration-states.js'

export async function statusCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('status', args)
  if (flags.values.help === true) {
    io.stdout.write(STATUS_HELP)
    return 0
  }
  if (flags.positionals.length > 0)
    throw new CliError(`status takes no arguments. Run 'tidemark status --help'.`)
  const settings = await resolveSettings(flags, io)
  const folder = await readMigrationFolder(settings.migrations)
  const line = progress(io, settings.json)
  line.step(
    settings.databaseUrl === undefined ? 'Opening the embedded database' : 'Connecting to the database',
  )
  // Only the journal is read: no extension's library is ever called.
  const db = await openLiveDatabase(settings, []).finally(() => line.done())
  let rows: Awaited<ReturnType<typeof readJournal>>
  try {
    rows = await readJournal(db, settings.journal)
  } finally {
    await db.close()
  }
  const states = migrationStates(rows, folder)
  if (settings.json) {
    io.stdout.write(`${JSON.stringify({ migrations: states })}\n`)
    return 0
  }
  if (states.length === 0) {
    io.stdout.write(`No migrations yet in ${settings.migrations}. Write one with 'tidemark generate'.\n`)
    return 0
  }
  const p = paint(io)
  const color = {
    applied: p.green,
    pending: p.yellow,
    edited: p.red,
    missing: p.red,
    'out-of-order': p.red,
    unfinished: p.red,
  }
  const width = Math.max(...states.map((s) => s.name.length))
  for (const { name, state, appliedAt: at } of states) {
    const when = at === null ? '' : `  ${at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}`
    io.stdout.write(
      `${name.padEnd(width)}  ${color[state](state.padEnd(12))}${when}\n`.replace(/ +\n$/, '\n'),
    )
  }
  const counts = Object.keys(color)
    .map((state) => [state, states.filter((s) => s.state === state).length] as const)
    .filter(([, count]) => count > 0)
  io.stdout.write(`\n${counts.map(([state, count]) => `${count} ${state}`).join(', ')}.\n`)
  return 0
}
