import { renderChanges } from '../../dialects/pg/ddl/index.js'
import { introspect } from '../../dialects/pg/introspect/index.js'
import { describeChange } from '../../diff/describe.js'
import { isNoTransaction } from '../../migrate/folder/migration-folder.js'
import type { SqlStatement } from '../../migrate/folder/split-statements.js'
import { migrationText } from '../../migrate/generate/migration-text.js'
import { planMigration } from '../../migrate/generate/plan.js'
import { restrictToSchemas } from '../../migrate/replay/restrict-schemas.js'
import { applyMigrationSql } from '../../migrate/runner/apply-migration-sql.js'
import { ensureRoles } from '../../migrate/runner/ensure-roles.js'
import { readJournal } from '../../migrate/runner/journal.js'
import { loadTool } from '../../tools/load-tool.js'
import { CliError } from '../cli-error.js'
import { openLiveDatabase } from '../connect.js'
import { listFlag, parseFlags, withGlobalFlags } from '../flags.js'
import { assertGrantRolesDeclared } from '../grant-roles.js'
import type { CliIo } from '../io.js'
import {
  assertRenameFlagsUsed,
  RENAME_FLAGS,
  RENAME_FLAGS_HELP,
  renameResolver,
} from '../rename-decisions.js'
import { loadSchemaModel } from '../schema-model.js'
import { resolveSettings } from '../settings.js'
import { paint, progress } from '../terminal.js'
import { askRename } from './generate.js'

export const PUSH_HELP =
  withGlobalFlags(`Usage: tidemark push [--dry-run] [--force] [--rename OLD=NEW]... [--no-rename OLD]... [flags]

Development shortcut: changes the live database straight to what the schema modules declare,
without writing a migration. Shows every change and its hazards first, and asks before anything
that loses data (without a terminal, --force is needed for that). Objects the schema cannot declare
(functions, triggers, rules ...) are left as they are. With --verbose, prints each statement as it
runs.

  --dry-run            print the SQL push would run, and change nothing
  --force              apply changes that lose data or open rows up without asking
${RENAME_FLAGS_HELP}`)

export async function pushCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('push', args, {
    force: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    ...RENAME_FLAGS,
  })
  if (flags.values.help === true) {
    io.stdout.write(PUSH_HELP)
    return 0
  }
  if (flags.positionals.length > 0) {
    throw new CliError(`push takes no arguments ('${flags.positionals[0]}'). Run 'tidemark push --help'.`)
  }
  const settings = await resolveSettings(flags, io)
  const schema = await loadSchemaModel(settings)
  assertGrantRolesDeclared(schema.model, settings.roles)
  const interactive = io.interactive && !settings.json
  const resolver = renameResolver(
    listFlag(flags, 'rename'),
    listFlag(flags, 'no-rename'),
    interactive ? askRename : undefined,
  )
  const line = progress(io, settings.json)
  const p = paint(io)
  const db = await openLiveDatabase(settings)
  try {
    line.step('Reading the live database')
    const exclude = [{ schema: settings.journal.schema, table: settings.journal.table }]
    const live = await introspect(db, { exclude, schemas: settings.schemas })
    line.step('Reading the schema as PostgreSQL prints it')
    const plan = await planMigration({
      current: live,
      desired: restrictToSchemas(schema.model, settings.schemas),
      authoredDefaults: schema.authoredDefaults,
      journal: settings.journal,
      shadow: { url: settings.shadowUrl, cacheDir: `${settings.baseDir}/.tidemark/cache` },
      resolveRenames: resolver,
    })
    line.done()
    assertRenameFlagsUsed(resolver)
    const changes = plan.up.map(describeChange)
    const hazards = plan.up.flatMap((c) => c.hazards)
    // Opening rows to other roles is as hard to take back as losing them.
    const losesData = hazards.some((h) => h.kind === 'data-loss')
    const opensRows = hazards.some((h) => h.kind === 'security')
    const risk =
      losesData && opensRows ? 'lose data or open rows up' : losesData ? 'lose data' : 'open rows up'
    const statements = renderChanges(plan.up)
    const dryRun = flags.values['dry-run'] === true
    const json = (applied: boolean) =>
      io.stdout.write(
        `${JSON.stringify({ applied, ...(dryRun ? { dryRun } : {}), changes, hazards, statements })}\n`,
      )
    if (plan.up.length === 0) {
      if (settings.json) json(false)
      else io.stdout.write('Nothing to push: the database already matches the schema.\n')
      return 0
    }
    if (!settings.json) {
      io.stdout.write(`${plan.up.length} change${plan.up.length === 1 ? '' : 's'} to push:\n`)
      for (const change of changes) io.stdout.write(`  ${change}\n`)
      for (const hazard of hazards) io.stdout.write(`  ${p.yellow(hazard.kind)}: ${hazard.message}\n`)
    }
    // Nothing runs, so there is nothing to consent to: the hazards are listed above.
    if (dryRun) {
      if (settings.json) json(false)
      else {
        io.stdout.write('\nThe SQL push would run (--dry-run: nothing was changed):\n\n')
        io.stdout.write(statements.map((statement) => `${statement};\n`).join('\n'))
      }
      return 0
    }
    if ((losesData || opensRows) && flags.values.force !== true) {
      // A cancelled prompt (Ctrl+C) answers a symbol: not a yes either.
      const agreed = interactive ? await askToPush(risk) : false
      if (agreed !== true) {
        const refusal = interactive
          ? 'Nothing was pushed.'
          : `Nothing was pushed: some changes ${risk} (listed above). Run with --force to push them anyway.`
        // The document already says nothing was applied: an error document would be a second one.
        if (!settings.json) throw new CliError(refusal, 1)
        json(false)
        io.stderr.write(`tidemark: ${refusal}\n`)
        return 1
      }
    }
    const script = migrationText('push', 'up', plan.up)
    line.step('Pushing')
    await ensureRoles(db, settings.roles)
    await applyMigrationSql(db, 'push', script, {
      transaction: !isNoTransaction(script),
      lockTimeout: settings.lockTimeout,
      ...(settings.verbose && !settings.json
        ? {
            onStatement: (statement: SqlStatement) => {
              line.done()
              io.stdout.write(`${p.dim('Running:')} ${statement.text};\n`)
              line.step('Pushing')
            },
          }
        : {}),
    })
    line.done()
    if (settings.json) json(true)
    else {
      io.stdout.write(`Pushed ${plan.up.length} change${plan.up.length === 1 ? '' : 's'}.\n`)
      if ((await readJournal(db, settings.journal)).length > 0) {
        io.stdout.write(
          p.dim(
            "This database has applied migrations: what was pushed is drift until a migration makes it ('tidemark generate').\n",
          ),
        )
      }
    }
    return 0
  } finally {
    line.done()
    await db.close()
  }
}

async function askToPush(risk: string): Promise<unknown> {
  const { confirm } = await loadTool('@clack/prompts', 'asking before data loss')
  return confirm({ message: `Some changes ${risk}. Push them?`, initialValue: false })
}
