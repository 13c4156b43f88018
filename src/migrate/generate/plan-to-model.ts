import { diff } from '../../diff/diff.js'
import { invertRenames } from '../../diff/renames.js'
import type { SchemaModel } from '../../model/types.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import { readHistoryModel } from '../replay/history-model.js'
import { restrictToSchemas } from '../replay/restrict-schemas.js'
import type { ShadowOptions } from '../replay/shadow.js'
import type { JournalOptions } from '../runner/journal.js'
import { type MigrationPlan, type RenameResolver, settleRenames } from './plan.js'

/**
 * The next migration towards a model that is already in PostgreSQL's printed form (a reading of a
 * live database): nothing to load into a shadow, and every object counts, including those the
 * schema DSL cannot declare (functions, triggers, rules ...). Only the history is replayed.
 */
export async function planToModel(options: {
  readonly folder: MigrationFolder
  readonly target: SchemaModel
  /** The database schemas the target was read from; the history is compared within them only. */
  readonly schemas?: readonly string[] | undefined
  readonly journal: JournalOptions
  readonly shadow?: ShadowOptions | undefined
  readonly resolveRenames: RenameResolver
}): Promise<MigrationPlan> {
  const history = await readHistoryModel(options.folder, options)
  const current = restrictToSchemas(history.model, options.schemas)
  const target = options.target
  const decisions = await settleRenames(current, target, options.resolveRenames)
  return {
    up: diff(current, target, { renames: decisions.renames }),
    down: diff(target, current, { renames: invertRenames(decisions.renames) }),
    renames: decisions.renames,
    current,
    target,
    history: history.replayed ? 'replayed' : 'cached',
    shadow: history.replayed,
  }
}
