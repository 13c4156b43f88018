import { renderChanges } from '../../dialects/pg/ddl/render-changes.js'
import { introspect } from '../../dialects/pg/introspect/index.js'
import type { Change } from '../../diff/changes.js'
import { diff } from '../../diff/diff.js'
import {
  type ColumnRename,
  findRenameCandidates,
  invertRenames,
  type RenameCandidate,
  type Renames,
  type TableRename,
} from '../../diff/renames.js'
import { TidemarkError } from '../../errors.js'
import type { SchemaModel } from '../../model/types.js'
import type { JournalOptions } from '../journal.js'
import type { MigrationFolder } from '../migration-folder.js'
import { withAuthoredExpressions } from './authored.js'
import { replayMigrations, runScriptOrStatements } from './replay.js'
import { openShadow, type ShadowOptions } from './shadow.js'

/** How the author settled the rename candidates so far. */
export interface RenameDecisions {
  readonly renames: Renames
  /** Labels (`users`, `users.name`) confirmed as dropped, not renamed. */
  readonly dropped: ReadonlySet<string>
}

/**
 * Asked while candidates remain; returns decisions for some or all of them (it is asked again for
 * what is left, and for column candidates inside tables it decided to rename). Throw to stop.
 */
export type RenameResolver = (
  candidates: readonly RenameCandidate[],
  decided: RenameDecisions,
) => Promise<RenameDecisions>

export interface PlanMigrationOptions {
  readonly folder: MigrationFolder
  /** The schema as the code declares it (`toModel`). */
  readonly desired: SchemaModel
  readonly shadow?: ShadowOptions
  /** The migration journal, left out of every comparison. */
  readonly journal: JournalOptions
  readonly resolveRenames: RenameResolver
}

export interface MigrationPlan {
  readonly up: readonly Change[]
  readonly down: readonly Change[]
  readonly renames: Renames
  /** What the migrations build today, read back from the shadow database. */
  readonly current: SchemaModel
  /** The desired schema, read back from the shadow database after loading it. */
  readonly target: SchemaModel
}

/**
 * The next migration: replays the history into a shadow database and reads what it builds; loads
 * the desired schema on top of it and reads that back too, so both sides are in PostgreSQL's own
 * printed form (no false differences from how an expression was typed); settles rename candidates;
 * and diffs both ways.
 */
export async function planMigration(options: PlanMigrationOptions): Promise<MigrationPlan> {
  const shadow = await openShadow(options.shadow)
  try {
    const exclude = [{ schema: options.journal.schema, table: options.journal.table }]
    await replayMigrations(shadow, options.folder)
    const current = await introspect(shadow.db, { exclude })
    // The DSL does not manage extensions, functions, triggers and the like yet: keep what the
    // history created.
    const desired: SchemaModel = { ...options.desired, others: current.others }
    const draft = renderChanges(diff(current, desired))
    if (draft.length > 0) {
      // One by one outside a transaction if the script fails: a new enum label may be used in it.
      await runScriptOrStatements(shadow, 'the schema', `${draft.join(';\n')};`, {
        script: true,
        transaction: false,
      }).catch((error: unknown) => {
        throw new TidemarkError(
          `The schema does not load into PostgreSQL: ${(error as Error).message.replace(/^the schema:\d+: /, '')}`,
          { cause: error },
        )
      })
    }
    // Nothing to load means the history already reads back as the schema: no second read needed.
    const target = draft.length === 0 ? current : await introspect(shadow.db, { exclude })
    const decisions = await settleRenames(current, target, options.resolveRenames)
    const up = withAuthoredExpressions(diff(current, target, { renames: decisions.renames }), desired)
    const down = diff(target, current, { renames: invertRenames(decisions.renames) })
    return { up, down, renames: decisions.renames, current, target }
  } finally {
    await shadow.close()
  }
}

async function settleRenames(
  current: SchemaModel,
  target: SchemaModel,
  resolve: RenameResolver,
): Promise<RenameDecisions> {
  let decided: RenameDecisions = { renames: { tables: [], columns: [] }, dropped: new Set() }
  for (;;) {
    const candidates = findRenameCandidates(current, target, decided.renames, decided.dropped)
    if (candidates.length === 0) return decided
    const next = await resolve(candidates, decided)
    const progressed =
      next.renames.tables.length + next.renames.columns.length + next.dropped.size >
      decided.renames.tables.length + decided.renames.columns.length + decided.dropped.size
    if (!progressed) throw new TidemarkError('Rename candidates were left undecided.')
    decided = next
  }
}

export type { ColumnRename, RenameCandidate, TableRename }
