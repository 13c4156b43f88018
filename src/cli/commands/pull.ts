import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { codegen } from '../../dialects/pg/codegen/index.js'
import { introspect } from '../../dialects/pg/introspect/index.js'
import { migrationRolesOption } from '../../migrate/runner/journal-appliers.js'
import type { SchemaModel } from '../../model/types.js'
import { CliError } from '../cli-error.js'
import { openLiveDatabase } from '../connect.js'
import { parseFlags, stringFlag, withGlobalFlags } from '../flags.js'
import type { CliIo } from '../io.js'
import { isSingleFile } from '../schema-files.js'
import { resolveSettings } from '../settings.js'
import { progress } from '../terminal.js'

export const PULL_HELP = withGlobalFlags(`Usage: tidemark pull [--out FILE] [--force] [flags]

Reads the live database and writes its schema as TypeScript: extensions, enums, domains, composite
types, sequences, functions and procedures, tables and views with their constraints and indexes,
and triggers. Aggregates, range types, rules, casts, publications and extended statistics, which
the schema code cannot declare yet, are listed at the top of the file and stay managed by your
migrations.

  --out FILE   where to write (default: the first schema module of the config)
  --force      overwrite FILE even though it already has content
`)

export async function pullCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('pull', args, { out: { type: 'string' }, force: { type: 'boolean' } })
  if (flags.values.help === true) {
    io.stdout.write(PULL_HELP)
    return 0
  }
  if (flags.positionals.length > 0) {
    throw new CliError(`pull takes no arguments ('${flags.positionals[0]}'). Run 'tidemark pull --help'.`)
  }
  const settings = await resolveSettings(flags, io)
  const out = stringFlag(flags, 'out')
  const file = out === undefined ? settings.schema[0] : resolve(io.cwd, out)
  if (file === undefined) {
    throw new CliError(
      "No file to write to: pass --out ./src/schema.ts (or set 'schema' in tidemark.config.ts).",
    )
  }
  const shown = relative(io.cwd, file) || file
  if (out === undefined && !(await isSingleFile(file))) {
    throw new CliError(
      `The first schema entry, ${shown}, is a folder or a pattern, not one file: pass --out ./src/schema.ts to say where pull writes.`,
    )
  }
  // Checked before connecting: refusing should be quick and touch nothing.
  if (flags.values.force !== true && (await hasContent(file, shown))) {
    throw new CliError(`${shown} already exists and is not empty; pass --force to overwrite it.`)
  }

  const line = progress(io, settings.json)
  const db = await openLiveDatabase(settings)
  let model: SchemaModel
  try {
    line.step('Reading the live database')
    const roles = await migrationRolesOption(db, settings.journal)
    model = await introspect(db, { exclude: [settings.journal], schemas: settings.schemas, ...roles })
  } finally {
    line.done()
    await db.close()
  }
  const { source, warnings } = codegen(model, { casing: settings.casing })
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, source)

  const counts = {
    tables: model.tables.length,
    enums: model.enums.length,
    domains: model.domains.length,
    compositeTypes: model.compositeTypes.length,
    views: model.views.length,
    sequences: model.sequences.length,
    extensions: model.definedObjects.filter((o) => o.kind === 'extension').length,
    routines: model.definedObjects.filter((o) => o.kind === 'function' || o.kind === 'procedure').length,
    triggers: model.definedObjects.filter((o) => o.kind === 'trigger').length,
  }
  if (settings.json) {
    io.stdout.write(`${JSON.stringify({ file, ...counts, warnings })}\n`)
    return 0
  }
  const written = [
    count(counts.tables, 'table'),
    count(counts.enums, 'enum'),
    ...(counts.domains === 0 ? [] : [count(counts.domains, 'domain')]),
    ...(counts.compositeTypes === 0 ? [] : [count(counts.compositeTypes, 'composite type')]),
    count(counts.views, 'view'),
    count(counts.sequences, 'sequence'),
    // Kinds most schemas do not have are only named when there are some.
    ...(counts.extensions > 0 ? [count(counts.extensions, 'extension')] : []),
    ...(counts.routines > 0 ? [count(counts.routines, 'routine')] : []),
    ...(counts.triggers > 0 ? [count(counts.triggers, 'trigger')] : []),
  ]
  io.stdout.write(`Wrote ${shown}: ${written.join(', ')}.\n`)
  for (const warning of warnings) io.stdout.write(`Warning: ${warning}\n`)
  return 0
}

/** Whether the file holds anything that overwriting would lose. */
async function hasContent(file: string, shown: string): Promise<boolean> {
  try {
    return (await readFile(file, 'utf8')).trim() !== ''
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw new CliError(`Cannot write ${shown}: ${(error as Error).message}`, 2, { cause: error })
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
