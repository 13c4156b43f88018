import { introspect } from '../../dialects/pg/introspect/index.js'
import type { SchemaModel } from '../../model/types.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import type { JournalOptions } from '../runner/journal.js'
import { historyCacheFile, readCachedModel, writeCachedModel } from './history-cache.js'
import { replayMigrations } from './replay-migrations.js'
import { openShadow, type ShadowOptions, shadowExtensions } from './shadow.js'

/**
 * What a list of migrations builds: replayed into a shadow database and read back, or taken from
 * the cache of an earlier reading of the same files (embedded shadow only: a server shadow may run
 * another PostgreSQL version, whose reading is not interchangeable).
 */
export async function readHistoryModel(
  folder: MigrationFolder,
  options: { readonly journal: JournalOptions; readonly shadow?: ShadowOptions | undefined },
): Promise<{ model: SchemaModel; replayed: boolean }> {
  const exclude = [{ schema: options.journal.schema, table: options.journal.table }]
  const cacheDir = options.shadow?.url === undefined ? options.shadow?.cacheDir : undefined
  const cacheFile = cacheDir === undefined ? undefined : await historyCacheFile(cacheDir, folder, exclude)
  const cached = cacheFile === undefined ? undefined : await readCachedModel(cacheFile)
  if (cached !== undefined) return { model: cached, replayed: false }
  const shadow = await openShadow({ ...options.shadow, extensions: shadowExtensions(folder, []) })
  try {
    await replayMigrations(shadow, folder)
    const model = await introspect(shadow.db, { exclude })
    if (cacheFile !== undefined) await writeCachedModel(cacheFile, model)
    return { model, replayed: true }
  } finally {
    await shadow.close()
  }
}
