import { contribExtensionsCreatedIn } from '../../drivers/pglite-contrib.js'
import { readMigrationFolder } from '../../migrate/folder/migration-folder.js'
import { assertSumFile } from '../../migrate/folder/sum-file.js'
import { ensureRoles } from '../../migrate/runner/ensure-roles.js'
import { migrate } from '../../migrate/runner/migrate.js'
import { migrateDown } from '../../migrate/runner/migrate-down.js'
import { CliError } from '../cli-error.js'
import { openLiveDatabase } from '../connect.js'
import { dataLossConsent, dataLossRefusal } from '../data-loss-consent.js'
import { didYouMean } from '../did-you-mean.js'
import { listFlag, parseFlags, stringFlag, withGlobalFlags } from '../flags.js'
import type { CliIo } from '../io.js'
import { resolveSettings } from '../settings.js'
import { progress } from '../terminal.js'

export const MIGRATE_HELP =
  withGlobalFlags(`Usage: tidemark migrate [--accept-edited NAME]... [--allow-data-loss] [flags]
       tidemark migrate down [--to NAME | --steps N] [--accept-edited NAME]... [--allow-data-loss] [flags]

Applies pending migrations in order, each exactly once and in its own transaction, even when several
deploys run at once. 'migrate down' undoes the latest migration (or N of them, or all after NAME)
with their down.sql.

Migrations that lose data (a data-loss hazard in the file's header, and every 'migrate down') run
only after a yes on a terminal, or with --allow-data-loss (or allowDataLoss in the config).

  --accept-edited NAME   accept that the applied migration NAME (its up.sql or down.sql) was
                         edited on purpose
  --allow-data-loss      run migrations that lose data without asking
  --to NAME              (down) undo every migration applied after NAME
  --steps N              (down) undo the N latest migrations (default 1)
`)

export async function migrateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('migrate', args, {
    'accept-edited': { type: 'string', multiple: true },
    'allow-data-loss': { type: 'boolean' },
    to: { type: 'string' },
    steps: { type: 'string' },
  })
  if (flags.values.help === true) {
    io.stdout.write(MIGRATE_HELP)
    return 0
  }
  const [direction, extra] = flags.positionals
  if ((direction !== undefined && direction !== 'down' && direction !== 'up') || extra !== undefined) {
    const unknown = direction === 'down' ? extra : direction
    const meant = direction === 'down' ? undefined : didYouMean(unknown ?? '', ['down', 'up'])
    throw new CliError(
      meant === undefined
        ? `Unknown argument '${unknown}'. Run 'tidemark migrate --help'.`
        : `Unknown argument '${unknown}'. Did you mean 'tidemark migrate ${meant}'?`,
    )
  }
  const down = direction === 'down'
  if (!down && (flags.values.to !== undefined || flags.values.steps !== undefined)) {
    throw new CliError(`--to and --steps belong to 'tidemark migrate down'.`)
  }
  const settings = await resolveSettings(flags, io)
  const folder = await readMigrationFolder(settings.migrations)
  assertSumFile(folder)
  const say = (line: string): void => {
    if (!settings.json) io.stdout.write(`${line}\n`)
  }
  const allowDataLoss = dataLossConsent(
    flags.values['allow-data-loss'] === true || settings.allowDataLoss,
    io,
    settings.json,
  )
  const line = progress(io, settings.json)
  line.step(
    settings.databaseUrl === undefined ? 'Opening the embedded database' : 'Connecting to the database',
  )
  // The extensions the history creates: a later file (or down.sql) may call their functions.
  const extensions = contribExtensionsCreatedIn(
    folder.migrations.flatMap((migration) => [migration.up, migration.down ?? '']),
  )
  const db = await openLiveDatabase(settings, extensions).finally(() => line.done())
  try {
    if (down) {
      const result = await migrateDown(db, folder, {
        ...downTarget(stringFlag(flags, 'to'), stringFlag(flags, 'steps')),
        journal: settings.journal,
        lockTimeout: settings.lockTimeout,
        acceptEdited: listFlag(flags, 'accept-edited'),
        allowDataLoss,
        onEvent: (e) => {
          line.done()
          if (e.type === 'reverted') say(`Reverted ${e.name} (${e.durationMs} ms)`)
        },
      }).catch((error: unknown) => {
        throw dataLossRefusal(error, io, settings.json)
      })
      if (settings.json) io.stdout.write(`${JSON.stringify(result)}\n`)
      else if (result.reverted.length === 0) say('Nothing to undo: no migration is applied.')
      return 0
    }
    for (const role of await ensureRoles(db, settings.roles)) say(`Created role ${role}`)
    const result = await migrate(db, folder, {
      journal: settings.journal,
      lockTimeout: settings.lockTimeout,
      acceptEdited: listFlag(flags, 'accept-edited'),
      allowDataLoss,
      onEvent: (e) => {
        line.done()
        if (e.type === 'started') line.step(`Applying ${e.name}`)
        if (e.type === 'applied') say(`Applied ${e.name} (${e.durationMs} ms)`)
        if (e.type === 'waiting') say(`Waiting for another deploy to finish ${e.name}...`)
      },
    })
      .catch((error: unknown) => {
        throw withRoleHint(dataLossRefusal(error, io, settings.json))
      })
      .finally(() => line.done())
    if (settings.json) io.stdout.write(`${JSON.stringify(result)}\n`)
    else if (result.applied.length === 0) {
      say(`Nothing to apply: all ${result.alreadyApplied.length} migrations are applied.`)
    }
    return 0
  } finally {
    await db.close()
  }
}

/**
 * A policy or grant naming a role the server does not have: roles are cluster-wide, so say how
 * to get it (the migration itself rolled back).
 */
function withRoleHint(error: unknown): unknown {
  const role = /role "((?:[^"]|"")+)" does not exist/.exec((error as Error)?.message ?? '')?.[1]
  if (role === undefined) return error
  return new CliError(
    `${(error as Error).message.split('\n')[0]}\nRoles are not created by migrations: create role ${role} on the server, or list it in the config's roles to have Tidemark create it.`,
    2,
    { cause: error },
  )
}

function downTarget(to: string | undefined, steps: string | undefined): { to?: string; steps?: number } {
  if (to !== undefined && steps !== undefined) throw new CliError('Give either --to or --steps, not both.')
  if (to !== undefined) return { to }
  if (steps === undefined) return {}
  const count = Number(steps)
  if (!Number.isInteger(count) || count < 1)
    throw new CliError(`--steps takes a whole number of 1 or more, not '${steps}'.`)
  return { steps: count }
}
