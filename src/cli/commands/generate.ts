import { relative } from 'node:path'
import { introspect } from '../../dialects/pg/introspect/index.js'
import { describeChange } from '../../diff/describe.js'
import type { RenameCandidate } from '../../diff/renames.js'
import { generateMigration } from '../../migrate/generate/generate.js'
import { migrationRolesOption } from '../../migrate/runner/journal-appliers.js'
import { policyWarnings } from '../../model/policy-warnings.js'
import { loadTool } from '../../tools/load-tool.js'
import { CliError } from '../cli-error.js'
import { openLiveDatabase } from '../connect.js'
import { listFlag, parseFlags, stringFlag, withGlobalFlags } from '../flags.js'
import { assertGrantRolesDeclared } from '../grant-roles.js'
import type { CliIo } from '../io.js'
import { assertHistoryMayStart } from '../new-history.js'
import {
  assertRenameFlagsUsed,
  RENAME_FLAGS,
  RENAME_FLAGS_HELP,
  renameResolver,
} from '../rename-decisions.js'
import { type LoadedSchema, loadSchemaModel } from '../schema-model.js'
import { resolveSettings, type Settings } from '../settings.js'
import { progress } from '../terminal.js'
import { assertCustomAlone, generateCustom } from './generate-custom.js'

export const GENERATE_HELP =
  withGlobalFlags(`Usage: tidemark generate [--name SLUG] [--rename OLD=NEW]... [--no-rename OLD]... [--from-db] [flags]
       tidemark generate --custom NAME [flags]

Writes the next migration (up.sql and down.sql) for the difference between what the migrations
build (replayed into a scratch database) and what the schema modules declare. Writes nothing when
they agree.

  --custom NAME        write an empty migration named NAME (a-z, 0-9, _) for SQL you write by
                       hand (backfills, statements the schema cannot declare); schema changes are
                       not part of it. Run 'tidemark hash' after writing its SQL.

  --from-db            adopt the live database instead: write the migration that turns what the
                       migrations build into what the database holds (after a hand edit that
                       'tidemark check' reported). Changes neither the database nor the code.

  --name SLUG          the migration's name after its timestamp (default: from its first change)
${RENAME_FLAGS_HELP}`)

export async function generateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('generate', args, {
    name: { type: 'string' },
    ...RENAME_FLAGS,
    'from-db': { type: 'boolean' },
    custom: { type: 'string' },
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
  const custom = stringFlag(flags, 'custom')
  if (custom !== undefined) {
    assertCustomAlone(flags)
    const settings = await resolveSettings(flags, io)
    await assertHistoryMayStart(settings)
    return generateCustom(custom, settings, io)
  }
  const settings = await resolveSettings(flags, io)
  await assertHistoryMayStart(settings)
  const fromDatabase = flags.values['from-db'] === true
  const line = progress(io, settings.json)
  if (fromDatabase) line.step('Reading the live database')
  const schema = await (fromDatabase ? readLiveModel(settings) : loadSchemaModel(settings)).catch(
    (error: unknown) => {
      line.done()
      throw error
    },
  )
  if (!fromDatabase) assertGrantRolesDeclared(schema.model, settings.roles)
  const resolver = renameResolver(
    listFlag(flags, 'rename'),
    listFlag(flags, 'no-rename'),
    io.interactive && !settings.json
      ? (candidates) => {
          line.done()
          return askRename(candidates)
        }
      : undefined,
  )
  line.step(
    fromDatabase
      ? 'Replaying the migrations to compare with the database'
      : 'Replaying the migrations and reading the schema',
  )
  const result = await generateMigration({
    dir: settings.migrations,
    desired: schema.model,
    authoredDefaults: schema.authoredDefaults,
    ...(fromDatabase ? { fromDatabase: { schemas: settings.schemas } } : {}),
    journal: settings.journal,
    shadow: { url: settings.shadowUrl, cacheDir: `${settings.baseDir}/.tidemark/cache` },
    resolveRenames: resolver,
    name: stringFlag(flags, 'name'),
  }).finally(() => line.done())
  assertRenameFlagsUsed(resolver)
  const hazards = result.plan.up.flatMap((c) => c.hazards)
  const warnings = fromDatabase ? [] : policyWarnings(schema.model)
  if (settings.json) {
    io.stdout.write(
      `${JSON.stringify({
        migration: result.written?.name ?? null,
        changes: result.plan.up.map(describeChange),
        hazards,
        warnings,
      })}\n`,
    )
    return 0
  }
  for (const warning of warnings) io.stdout.write(`Warning: ${warning}\n`)
  if (result.written === null) {
    io.stdout.write(
      fromDatabase
        ? 'Nothing to adopt: the migrations already build what the database holds.\n'
        : 'No schema changes: the migrations already build this schema.\n',
    )
    return 0
  }
  const where = relative(io.cwd, result.written.dir) || result.written.dir
  io.stdout.write(`Wrote ${where}/up.sql and down.sql (${result.plan.up.length} changes).\n`)
  if (hazards.length > 0) {
    io.stdout.write('Hazards:\n')
    for (const hazard of hazards) io.stdout.write(`  ${hazard.kind}: ${hazard.message}\n`)
  }
  if (fromDatabase) {
    io.stdout.write(
      `The database already holds these changes: record the migration as applied there with\n  tidemark baseline --to ${result.written.name}\nand bring the schema code in line ('tidemark check' shows what differs).\n`,
    )
  }
  return 0
}

/** The live database read as the desired schema, for --from-db. */
async function readLiveModel(settings: Settings): Promise<LoadedSchema> {
  const db = await openLiveDatabase(settings)
  try {
    const exclude = [{ schema: settings.journal.schema, table: settings.journal.table }]
    const roles = await migrationRolesOption(db, settings.journal)
    const live = await introspect(db, { exclude, schemas: settings.schemas, ...roles })
    return { model: live, authoredDefaults: new Set() }
  } finally {
    await db.close()
  }
}

export async function askRename(candidates: readonly RenameCandidate[]): Promise<RenameCandidate | string> {
  const { cancel, isCancel, select } = await loadTool('@clack/prompts', 'asking about renames')
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
