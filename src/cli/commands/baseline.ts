import { baseline } from '../../migrate/baseline.js'
import { readMigrationFolder } from '../../migrate/migration-folder.js'
import { assertSumFile } from '../../migrate/sum-file.js'
import { CliError } from '../cli-error.js'
import { openLiveDatabase } from '../connect.js'
import { parseFlags, stringFlag, withGlobalFlags } from '../flags.js'
import type { CliIo } from '../io.js'
import { resolveSettings } from '../settings.js'
import { progress } from '../terminal.js'

export const BASELINE_HELP = withGlobalFlags(`Usage: tidemark baseline [--to NAME] [flags]

Adopts an existing database: checks that it holds exactly what the migrations up to NAME build
(all of them by default) and records those migrations as applied, without running them. When the
database differs, nothing is recorded, the differences are listed and the exit code is 1.

  --to NAME   the last migration the database already holds
`)

export async function baselineCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('baseline', args, { to: { type: 'string' } })
  if (flags.values.help === true) {
    io.stdout.write(BASELINE_HELP)
    return 0
  }
  if (flags.positionals.length > 0) {
    throw new CliError(`baseline takes no arguments ('${flags.positionals[0]}'). Use --to NAME.`)
  }
  const settings = await resolveSettings(flags, io)
  const folder = await readMigrationFolder(settings.migrations)
  assertSumFile(folder)
  const line = progress(io, settings.json)
  const db = await openLiveDatabase(settings)
  let result: Awaited<ReturnType<typeof baseline>>
  try {
    result = await baseline(db, folder, {
      to: stringFlag(flags, 'to'),
      journal: settings.journal,
      schemas: settings.schemas,
      shadow: { url: settings.shadowUrl, cacheDir: `${settings.baseDir}/.tidemark/cache` },
      onStep: (step) => line.step(step),
    })
  } finally {
    line.done()
    await db.close()
  }
  if (settings.json) {
    io.stdout.write(`${JSON.stringify(result)}\n`)
    return result.matched ? 0 : 1
  }
  if (!result.matched) {
    io.stdout.write(
      `The database does not hold what the migrations build, so nothing was recorded. Differences:\n${result.differences.map((d) => `  ${d.message}\n`).join('')}Choose the migration it matches with --to, or adopt its changes first with 'tidemark generate --from-db'.\n`,
    )
    return 1
  }
  if (result.recorded.length === 0) {
    io.stdout.write(
      `Nothing to record: the journal already holds all ${result.alreadyRecorded.length} migrations.\n`,
    )
  } else {
    io.stdout.write(`The database matches. Recorded as applied (not run): ${result.recorded.join(', ')}.\n`)
  }
  return 0
}
