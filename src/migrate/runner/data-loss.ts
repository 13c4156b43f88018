import { TidemarkError } from '../../errors.js'
import { declaredHazards } from '../folder/declared-hazards.js'
import type { MigrationFile } from '../folder/migration-folder.js'

/** A migration about to run that loses data, and why. */
export interface DataLossRisk {
  readonly name: string
  /** `up` for migrate, `down` for migrate down. */
  readonly direction: 'up' | 'down'
  /** What is lost, one sentence each. */
  readonly reasons: readonly string[]
}

/**
 * Whether migrations that lose data may run: `true` (the default), `false` (refused with a
 * DataLossError before anything runs), or a function asked with the list (a prompt, say).
 */
export type AllowDataLoss = boolean | ((risks: readonly DataLossRisk[]) => boolean | Promise<boolean>)

/** An up.sql loses data when it declares a data-loss hazard (generate writes them in its header). */
export function upDataLoss(migration: MigrationFile): DataLossRisk | undefined {
  const reasons = declaredHazards(migration.up)
    .filter((h) => h.kind === 'data-loss')
    .map((h) => h.message)
  return reasons.length > 0 ? { name: migration.name, direction: 'up', reasons } : undefined
}

/**
 * Every down.sql counts as losing data: undoing a migration drops what it built together with the
 * rows written there since, whatever its header says (and a hand-written one says nothing).
 */
export function downDataLoss(migration: MigrationFile): DataLossRisk {
  const declared = declaredHazards(migration.down ?? '')
    .filter((h) => h.kind === 'data-loss')
    .map((h) => h.message)
  return {
    name: migration.name,
    direction: 'down',
    reasons:
      declared.length > 0 ? declared : ['undoing it drops what it built, with the data written there since'],
  }
}

/** Throws a DataLossError unless allow lets every risk run; nothing has run yet when it throws. */
export async function guardDataLoss(risks: readonly DataLossRisk[], allow: AllowDataLoss): Promise<void> {
  if (risks.length === 0) return
  const allowed = typeof allow === 'function' ? await allow(risks) : allow
  if (!allowed) throw new DataLossError(risks)
}

/** Migrations that lose data were not allowed to run (`allowDataLoss`); nothing was run. */
export class DataLossError extends TidemarkError {
  constructor(readonly risks: readonly DataLossRisk[]) {
    super(
      [
        `Nothing was run: ${risks.length === 1 ? 'this migration loses' : 'these migrations lose'} data:`,
        ...risks.map((risk) => `  ${risk.name} (${risk.direction}): ${risk.reasons.join('; ')}`),
        'Allow it with allowDataLoss: true (the CLI: --allow-data-loss, or allowDataLoss in the config).',
      ].join('\n'),
    )
    this.name = 'DataLossError'
  }
}
