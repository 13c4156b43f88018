import { relative } from 'node:path'
import { cancel, isCancel, select } from '@clack/prompts'
import { describeChange } from '../../diff/describe.js'
import type { RenameCandidate } from '../../diff/renames.js'
import { generateMigration } from '../../migrate/generate/generate.js'
import { CliError } from '../cli-error.js'
import { listFlag, parseFlags, stringFlag } from '../flags.js'
import type { CliIo } from '../io.js'
import { renameResolver } from '../rename-decisions.js'
import { loadSchemaModel } from '../schema-model.js'
import { resolveSettings } from '../settings.js'

export const GENERATE_HELP = `Usage: tidemark generate [--name SLUG] [--rename OLD=NEW]... [--no-rename OLD]... [flags]

Writes the next migration (up.sql and down.sql) for the difference between what the migrations
build (replayed into a scratch database) and what the schema modules declare. Writes nothing when
they agree.

  --name SLUG          the migration's name after its timestamp (default: from its first change)
  --rename OLD=NEW     a table (users=members) or column (users.name=users.full_name) was renamed
  --no-rename OLD      OLD was dropped, not renamed (its data is lost)
`

export async function generateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('generate', args, {
    name: { type: 'string' },
    rename: { type: 'string', multiple: true },
    'no-rename': { type: 'string', multiple: true },
  })
  if (flags.values.help === true) {
    io.stdout.write(GENERATE_HELP)
    return 0
  }
  if (flags.positionals.length > 0) {
    throw new CliError(
      `generate takes no arguments ('${flags.positionals[0]}'). Run 'tidemark generate --help'.`,
    )
  }
  const settings = await resolveSettings(flags, io)
  const schema = await loadSchemaModel(settings)
  const resolver = renameResolver(
    listFlag(flags, 'rename'),
    listFlag(flags, 'no-rename'),
    io.interactive && !settings.json ? askRename : undefined,
  )
  const result = await generateMigration({
    dir: settings.migrations,
    desired: schema.model,
    authoredDefaults: schema.authoredDefaults,
    journal: settings.journal,
    shadow: { url: settings.shadowUrl, cacheDir: `${settings.baseDir}/.tidemark/cache` },
    resolveRenames: resolver,
    name: stringFlag(flags, 'name'),
  })
  const unused = resolver.unusedFlags()
  if (unused.length > 0) {
    throw new CliError(
      `${unused.join(', ')} matched no rename candidate. Check the names, or remove the flag.`,
    )
  }
  const hazards = result.plan.up.flatMap((c) => c.hazards)
  if (settings.json) {
    io.stdout.write(
      `${JSON.stringify({
        migration: result.written?.name ?? null,
        changes: result.plan.up.map(describeChange),
        hazards,
      })}\n`,
    )
    return 0
  }
  if (result.written === null) {
    io.stdout.write('No schema changes: the migrations already build this schema.\n')
    return 0
  }
  const where = relative(io.cwd, result.written.dir) || result.written.dir
  io.stdout.write(`Wrote ${where}/up.sql and down.sql (${result.plan.up.length} changes).\n`)
  if (hazards.length > 0) {
    io.stdout.write('Hazards:\n')
    for (const hazard of hazards) io.stdout.write(`  ${hazard.kind}: ${hazard.message}\n`)
  }
  return 0
}

async function askRename(candidates: readonly RenameCandidate[]): Promise<RenameCandidate | string> {
  const from = candidates[0]!.from
  const answer = await select<RenameCandidate | string>({
    message: `${from} is gone. Was it renamed?`,
    options: [
      ...candidates.map((c) => ({ value: c, label: `renamed to ${c.to}` })),
      { value: from, label: `dropped (its data is lost)` },
    ],
  })
  if (isCancel(answer)) {
    cancel('Nothing was written.')
    throw new CliError('generate was cancelled; nothing was written.', 1)
  }
  return answer
}
