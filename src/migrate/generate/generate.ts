import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describeChange } from '../../diff/describe.js'
import type { SchemaModel } from '../../model/types.js'
import { type MigrationFolder, readMigrationFolder } from '../folder/migration-folder.js'
import { assertSumFile, writeSumFile } from '../folder/sum-file.js'
import { historyCacheFile, writeCachedModel } from '../replay/history-cache.js'
import type { ShadowOptions } from '../replay/shadow.js'
import type { JournalOptions } from '../runner/journal.js'
import { migrationText } from './migration-text.js'
import { nextMigrationName, slugify } from './next-migration-name.js'
import { type MigrationPlan, planMigration, type RenameResolver } from './plan.js'
import { planToModel } from './plan-to-model.js'

export interface GenerateOptions {
  /** The migrations folder. */
  readonly dir: string
  readonly desired: SchemaModel
  /**
   * `desired` is a reading of a live database (`generate --from-db`), compared as it is, objects the
   * DSL cannot declare included, within these database schemas (all when the list is empty).
   */
  readonly fromDatabase?: { readonly schemas: readonly string[] | undefined }
  readonly journal: JournalOptions
  readonly shadow?: ShadowOptions
  readonly resolveRenames: RenameResolver
  /** See PlanMigrationOptions.authoredDefaults: given, generate can skip the shadow database. */
  readonly authoredDefaults?: ReadonlySet<string>
  /** The slug of the new migration's name; derived from its first change when absent. */
  readonly name?: string | undefined
  readonly now?: Date
}

export interface GenerateResult {
  readonly plan: MigrationPlan
  /** The new migration, or null when the schema and the migrations already agree. */
  readonly written: { readonly name: string; readonly dir: string } | null
}

/**
 * Writes the next migration (up.sql and down.sql) for the difference between what the migrations
 * build and what the schema declares, and re-hashes the folder. Writes nothing when they agree.
 * Refuses a folder that does not match its integrity file: a plan over edited history is wrong.
 */
export async function generateMigration(options: GenerateOptions): Promise<GenerateResult> {
  // A new project's first migration creates the folder. (The CLI first checks that the live
  // database records no applied migration: a mistyped path there would start a second history.)
  const folder = await readMigrationFolder(options.dir, { allowMissing: true })
  assertSumFile(folder)
  const plan =
    options.fromDatabase !== undefined
      ? await planToModel({
          folder,
          target: options.desired,
          schemas: options.fromDatabase.schemas,
          journal: options.journal,
          shadow: options.shadow,
          resolveRenames: options.resolveRenames,
        })
      : await planMigration({
          folder,
          desired: options.desired,
          journal: options.journal,
          resolveRenames: options.resolveRenames,
          ...(options.authoredDefaults === undefined ? {} : { authoredDefaults: options.authoredDefaults }),
          ...(options.shadow === undefined ? {} : { shadow: options.shadow }),
        })
  if (plan.up.length === 0) return { plan, written: null }

  const slug = slugify(options.name ?? describeChange(plan.up[0]!))
  const name = nextMigrationName(
    folder.migrations.map((m) => m.name),
    slug,
    options.now ?? new Date(),
  )
  const dir = join(options.dir, name)
  await mkdir(dir, { recursive: true })
  try {
    await writeFile(join(dir, 'up.sql'), migrationText(name, 'up', plan.up))
    await writeFile(join(dir, 'down.sql'), migrationText(name, 'down', plan.down))
    const updated = await readMigrationFolder(options.dir)
    await writeSumFile(options.dir, updated.migrations)
    // A live database may run another PostgreSQL than the replay: its reading is not a replay's.
    if (options.fromDatabase === undefined) await rememberHistory(options, updated, plan)
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return { plan, written: { name, dir } }
}

/**
 * The new migration builds exactly the plan's target (that is what generating again and finding
 * nothing proves), so the history including it is known without a replay: the next generate starts
 * from the cache. Column order may differ from a replay's; nothing compares it.
 */
async function rememberHistory(options: GenerateOptions, folder: MigrationFolder, plan: MigrationPlan) {
  const cacheDir = options.shadow?.url === undefined ? options.shadow?.cacheDir : undefined
  if (cacheDir === undefined) return
  const exclude = [{ schema: options.journal.schema, table: options.journal.table }]
  await writeCachedModel(await historyCacheFile(cacheDir, folder, exclude), plan.target)
}
