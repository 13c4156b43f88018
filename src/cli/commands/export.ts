import { renderChanges } from '../../dialects/pg/ddl/index.js'
import { diff } from '../../diff/diff.js'
import { createRoleIfMissing } from '../../migrate/runner/ensure-roles.js'
import { emptyModel } from '../../model/empty-model.js'
import { CliError } from '../cli-error.js'
import { parseFlags, withGlobalFlags } from '../flags.js'
import { assertGrantRolesDeclared } from '../grant-roles.js'
import type { CliIo } from '../io.js'
import { loadSchemaModel } from '../schema-model.js'
import { resolveSettings } from '../settings.js'

export const EXPORT_HELP = withGlobalFlags(`Usage: tidemark export [flags]

Prints the SQL that builds the schema modules' schema in an empty database: the roles the config
lists (created when missing), then CREATE statements in dependency order, as a first migration would
hold them. Reads no database and no migration; --json prints { "statements": [...] }.
Run it as one transaction, e.g. tidemark export | psql --single-transaction.
`)

export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('export', args)
  if (flags.values.help === true) {
    io.stdout.write(EXPORT_HELP)
    return 0
  }
  if (flags.positionals.length > 0) {
    throw new CliError(`export takes no arguments ('${flags.positionals[0]}'). Run 'tidemark export --help'.`)
  }
  const settings = await resolveSettings(flags, io)
  const { model } = await loadSchemaModel(settings)
  // A grant to a role the script does not create could not run on a fresh server.
  assertGrantRolesDeclared(model, settings.roles)
  const statements = [...settings.roles.map(createRoleIfMissing), ...renderChanges(diff(emptyModel, model))]
  if (settings.json) io.stdout.write(`${JSON.stringify({ statements })}\n`)
  else io.stdout.write(statements.map((statement) => `${statement};\n`).join('\n'))
  return 0
}
