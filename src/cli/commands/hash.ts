import { relative } from 'node:path'
import { readMigrationFolder, SUM_FILE } from '../../migrate/folder/migration-folder.js'
import { writeSumFile } from '../../migrate/folder/sum-file.js'
import { CliError } from '../cli-error.js'
import { parseFlags, withGlobalFlags } from '../flags.js'
import type { CliIo } from '../io.js'
import { resolveSettings } from '../settings.js'

export const HASH_HELP = withGlobalFlags(`Usage: tidemark hash [flags]

Rewrites migrations/${SUM_FILE}, the integrity file, from the migration files as they are. Run it
after a deliberate edit of a migration, or after resolving a merge conflict in ${SUM_FILE} (check
first that the migrations apply in the order you want).
`)

export async function hashCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('hash', args)
  if (flags.values.help === true) {
    io.stdout.write(HASH_HELP)
    return 0
  }
  if (flags.positionals.length > 0) throw new CliError(`hash takes no arguments. Run 'tidemark hash --help'.`)
  const settings = await resolveSettings(flags, io)
  const folder = await readMigrationFolder(settings.migrations)
  if (folder.migrations.length === 0) {
    throw new CliError(`There are no migrations in ${settings.migrations} to hash.`)
  }
  await writeSumFile(settings.migrations, folder.migrations)
  const where = relative(io.cwd, settings.migrations) || '.'
  if (settings.json) io.stdout.write(`${JSON.stringify({ migrations: folder.migrations.length })}\n`)
  else io.stdout.write(`Wrote ${where}/${SUM_FILE} (${folder.migrations.length} migrations).\n`)
  return 0
}
