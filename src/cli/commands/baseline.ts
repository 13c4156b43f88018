import { relative, resolve } from 'node:path'
import { type BaselineResult, baseline } from '../../migrate/baseline/baseline.js'
import { adoptDrizzle } from '../../migrate/baseline/drizzle/adopt-drizzle.js'
import type { DrizzleJournal } from '../../migrate/baseline/drizzle/drizzle-applied.js'
import { readMigrationFolder } from '../../migrate/folder/migration-folder.js'
import { assertSumFile } from '../../migrate/folder/sum-file.js'
import { CliError } from '../cli-error.js'
import { openLiveDatabase } from '../connect.js'
import { type ParsedFlags, parseFlags, stringFlag, withGlobalFlags } from '../flags.js'
import type { CliIo } from '../io.js'
import { resolveSettings } from '../settings.js'
import { progress } from '../terminal.js'

export const BASELINE_HELP = withGlobalFlags(`Usage: tidemark baseline [--to NAME] [flags]
       tidemark baseline --from-drizzle DIR [--drizzle-table SCHEMA.TABLE] [flags]

Adopts an existing database: checks that it holds exactly what the migrations up to NAME build
(all of them by default) and records those migrations as applied, without running them. When the
database differs, nothing is recorded, the differences are listed and the exit code is 1.

With --from-drizzle, first converts drizzle-kit's migrations folder DIR into the (empty) migrations
folder, one migration per drizzle file with a generated down.sql, and adopts those drizzle's
migrator applied (their hashes checked); drizzle's journal table is then dropped.

  --to NAME                    the last migration the database already holds
  --from-drizzle DIR           drizzle-kit's migrations folder (its config's "out")
  --drizzle-table SCHEMA.TABLE drizzle's journal table (default drizzle.__drizzle_migrations)
`)

export async function baselineCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('baseline', args, {
    to: { type: 'string' },
    'from-drizzle': { type: 'string' },
    'drizzle-table': { type: 'string' },
  })
  if (flags.values.help === true) {
    io.stdout.write(BASELINE_HELP)
    return 0
  }
  if (flags.positionals.length > 0) {
    throw new CliError(`baseline takes no arguments ('${flags.positionals[0]}'). Use --to NAME.`)
  }
  const fromDrizzle = stringFlag(flags, 'from-drizzle')
  if (fromDrizzle !== undefined) return baselineFromDrizzle(fromDrizzle, flags, io)
  if (stringFlag(flags, 'drizzle-table') !== undefined)
    throw new CliError('--drizzle-table goes with --from-drizzle DIR.')
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
  return report(result, settings.json, io)
}

async function baselineFromDrizzle(dir: string, flags: ParsedFlags, io: CliIo): Promise<number> {
  if (stringFlag(flags, 'to') !== undefined)
    throw new CliError("--to does not go with --from-drizzle: drizzle's journal table says what is applied.")
  const settings = await resolveSettings(flags, io)
  const drizzleDir = resolve(io.cwd, dir)
  if (drizzleDir === settings.migrations)
    throw new CliError(
      `--from-drizzle names the migrations folder itself: Tidemark's migrations go in another folder (--migrations DIR, or 'migrations' in the config).`,
    )
  const drizzleJournal = drizzleTable(stringFlag(flags, 'drizzle-table'))
  const line = progress(io, settings.json)
  const db = await openLiveDatabase(settings)
  let result: Awaited<ReturnType<typeof adoptDrizzle>>
  try {
    result = await adoptDrizzle(db, {
      drizzleDir,
      migrationsDir: settings.migrations,
      drizzleJournal,
      journal: settings.journal,
      schemas: settings.schemas,
      shadow: { url: settings.shadowUrl, cacheDir: `${settings.baseDir}/.tidemark/cache` },
      onStep: (step) => line.step(step),
    })
  } finally {
    line.done()
    await db.close()
  }
  if (!settings.json) {
    const shown = relative(io.cwd, settings.migrations) || settings.migrations
    io.stdout.write(`Converted ${result.written.length} drizzle migrations into ${shown}.\n`)
  }
  const code = report(result, settings.json, io, FIX_DRIZZLE)
  if (!settings.json && result.matched)
    io.stdout.write(`Dropped drizzle's journal table: from now on, 'tidemark migrate' applies migrations.\n`)
  return code
}

function drizzleTable(flag: string | undefined): DrizzleJournal | undefined {
  if (flag === undefined) return undefined
  const match = /^([^.]+)\.([^.]+)$/.exec(flag)
  if (match === null)
    throw new CliError(
      `--drizzle-table takes SCHEMA.TABLE (e.g. drizzle.__drizzle_migrations), not '${flag}'.`,
    )
  return { schema: match[1]!, table: match[2]! }
}

const CHOOSE_TO =
  "Choose the migration it matches with --to, or adopt its changes first with 'tidemark generate --from-db'."
const FIX_DRIZZLE =
  "Bring the database to what drizzle's migrations build (or add a drizzle migration for the difference), then run this again."

function report(result: BaselineResult, json: boolean, io: CliIo, fix = CHOOSE_TO): number {
  if (json) {
    io.stdout.write(`${JSON.stringify(result)}\n`)
    return result.matched ? 0 : 1
  }
  if (!result.matched) {
    io.stdout.write(
      `The database does not hold what the migrations build, so nothing was recorded. Differences:\n${result.differences.map((d) => `  ${d.message}\n`).join('')}${fix}\n`,
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
