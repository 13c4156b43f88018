import { relative } from 'node:path'
import { customSlugProblem, writeCustomMigration } from '../../migrate/generate/custom-migration.js'
import { slugify } from '../../migrate/generate/next-migration-name.js'
import { CliError } from '../cli-error.js'
import type { ParsedFlags } from '../flags.js'
import type { CliIo } from '../io.js'
import type { Settings } from '../settings.js'

/** The generate flags that decide what a generated migration holds: a custom one holds nothing. */
const GENERATED_ONLY = ['name', 'from-db', 'rename', 'no-rename'] as const

export function assertCustomAlone(flags: ParsedFlags): void {
  const given = GENERATED_ONLY.filter((flag) => flags.values[flag] !== undefined)
  if (given.length === 0) return
  throw new CliError(
    `--custom writes an empty migration named by its own value; it does not go with ${given.map((f) => `--${f}`).join(', ')}.`,
  )
}

/**
 * `generate --custom NAME`: an empty migration to write by hand. The schema is not read: whatever
 * it declares beyond the migrations stays for the next plain `generate`.
 */
export async function generateCustom(slug: string, settings: Settings, io: CliIo): Promise<number> {
  const problem = customSlugProblem(slug)
  if (problem !== undefined) {
    const suggestion = slugify(slug)
    throw new CliError(
      `--custom '${slug}' is not a migration name: ${problem}${suggestion === slug || suggestion === 'migration' ? '' : `, e.g. --custom ${suggestion}`}.`,
    )
  }
  const written = await writeCustomMigration({ dir: settings.migrations, slug })
  if (settings.json) {
    io.stdout.write(
      `${JSON.stringify({ migration: written.name, custom: true, changes: [], hazards: [], warnings: [] })}\n`,
    )
    return 0
  }
  const where = relative(io.cwd, written.dir) || written.dir
  io.stdout.write(
    `Wrote ${where}/up.sql and down.sql (empty, to write by hand).\n` +
      "Write its SQL, then run 'tidemark hash'. Schema changes are not part of it: 'tidemark generate' writes those.\n",
  )
  return 0
}
