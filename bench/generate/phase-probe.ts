/**
 * Times the phases of one `tidemark generate` in a fresh process, by calling the same steps
 * planMigration takes (src/migrate/generate/plan.ts) with a clock between them; writes nothing.
 * Run with cwd = a Tidemark project; prints one JSON object of phase → ms on stdout.
 */
import { performance } from 'node:perf_hooks'
import { parseFlags } from '../../src/cli/flags.js'
import { processIo } from '../../src/cli/io.js'
import { createModuleLoader } from '../../src/cli/load-module.js'
import { loadSchemaModel } from '../../src/cli/schema-model.js'
import { resolveSettings } from '../../src/cli/settings.js'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { introspect } from '../../src/dialects/pg/introspect/index.js'
import { diff } from '../../src/diff/diff.js'
import { readMigrationFolder } from '../../src/migrate/folder/migration-folder.js'
import { verifySumFile } from '../../src/migrate/folder/sum-file.js'
import { replayMigrations, runScriptOrStatements } from '../../src/migrate/replay/replay-migrations.js'
import { openShadow } from '../../src/migrate/replay/shadow.js'

// Everything before the first line here: node, tsx, and the modules imported above.
const phases: Record<string, number> = { 'process start and module load': performance.now() }
let mark = performance.now()
async function phase<T>(name: string, step: () => Promise<T> | T): Promise<T> {
  const result = await step()
  const now = performance.now()
  phases[name] = now - mark
  mark = now
  return result
}

const resolved = await phase('config file (compiles tidemark sources)', () =>
  resolveSettings(parseFlags('generate', []), processIo()),
)
// The project's imports share one module cache, so this is the cost of tidemark/pg alone...
await phase('tidemark/pg import (compiles sources)', async () =>
  (await createModuleLoader(resolved.baseDir, 'the probe')).import('tidemark/pg'),
)
// ...and this the 200-table schema module and toModel.
const declared = (await phase('schema module and model', () => loadSchemaModel(resolved))).model
const folder = await phase('read and verify migrations', async () => {
  const read = await readMigrationFolder(resolved.migrations)
  if (verifySumFile(read).length > 0) throw new Error('tidemark.sum does not match the migrations')
  return read
})
const shadow = await phase('start PGlite shadow', () =>
  openShadow({ cacheDir: `${resolved.baseDir}/.tidemark/cache` }),
)
const exclude = [{ schema: resolved.journal.schema, table: resolved.journal.table }]
await phase('replay migrations', () => replayMigrations(shadow, folder))
const current = await phase('introspect history', () => introspect(shadow.db, { exclude }))
const desired = { ...declared, definedObjects: current.definedObjects }
await phase('load desired schema', async () => {
  const draft = renderChanges(diff(current, desired))
  // As planMigration loads it: one script, statement by statement only when that fails.
  if (draft.length > 0) {
    await runScriptOrStatements(shadow, 'the schema', `${draft.join(';\n')};`, {
      script: true,
      transaction: false,
    })
  }
})
const target = await phase('introspect desired', () => introspect(shadow.db, { exclude }))
await phase('diff both ways', () => [diff(current, target), diff(target, current)])
await phase('close shadow', () => shadow.close())
process.stdout.write(`${JSON.stringify(phases)}\n`)
