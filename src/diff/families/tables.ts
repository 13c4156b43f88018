import type { ReplicaIdentityModel, TableModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import { tableLabel } from '../renames.js'
import { authoredColumn } from './authored-parts.js'
import {
  commentDrafts,
  type DriftDraft,
  type DriftState,
  partitionDraft,
  renamedDraft,
} from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { commentVerb, hazard, label } from './words.js'

/** Tables as a whole: create (a partition with its parent), drop, rename, and table-wide settings. */
export type TableChange =
  | { readonly kind: 'create-table'; readonly table: TableModel }
  | { readonly kind: 'drop-table'; readonly table: TableModel }
  | { readonly kind: 'rename-table'; readonly schema: string; readonly from: string; readonly to: string }
  /**
   * COMMENT ON a table that is there before and after: `to` null removes the comment. A table
   * created by the plan carries its comment in its create change.
   */
  | {
      readonly kind: 'set-table-comment'
      readonly table: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }
  /** ALTER TABLE ... SET UNLOGGED / SET LOGGED (either rewrites the table). */
  | { readonly kind: 'set-unlogged'; readonly table: ObjectRef; readonly unlogged: boolean }
  /** ALTER TABLE ... REPLICA IDENTITY; on a created table, after its indexes. */
  | {
      readonly kind: 'set-replica-identity'
      readonly table: ObjectRef
      readonly from: ReplicaIdentityModel
      readonly to: ReplicaIdentityModel
    }

/** `default`, `full`, `nothing`, `index orders_code_key`. */
export function replicaIdentityText(identity: ReplicaIdentityModel): string {
  return identity.kind === 'index' ? `index ${identity.index}` : identity.kind
}

function describeTable(verb: 'create' | 'drop', table: TableModel): string {
  const of = table.partitionOf
  return of === null
    ? `${verb} table ${label(table)}`
    : `${verb} partition ${label(table)} of ${tableLabel(of.schema, of.table)}`
}

function tableDraft(table: TableModel, state: DriftState): DriftDraft[] {
  const of = table.partitionOf
  if (of === null) return [{ object: 'table', name: label(table), state }]
  return [partitionDraft(table, of, state)]
}

export const tableKinds: FamilyEntries<TableChange> = {
  'create-table': {
    describe: (change) => describeTable('create', change.table),
    hazards: noHazards,
    drift: (change) => tableDraft(change.table, 'added'),
    authored: (change, source) => {
      const written = source.table(change.table)
      if (written === undefined) return change
      return {
        ...change,
        table: {
          ...change.table,
          columns: change.table.columns.map((c) =>
            authoredColumn(
              c,
              written.columns.find((w) => w.name === c.name),
            ),
          ),
          checks: change.table.checks.map((c) => ({
            ...c,
            expression: written.checks.find((s) => s.name === c.name)?.expression ?? c.expression,
          })),
        },
      }
    },
  },
  'drop-table': {
    describe: (change) => describeTable('drop', change.table),
    hazards: (change) => [hazard('data-loss', `drops table ${label(change.table)} and all its rows`)],
    drift: (change) => tableDraft(change.table, 'missing'),
    authored: asWritten,
  },
  'rename-table': {
    describe: (change) => `rename table ${tableLabel(change.schema, change.from)} to ${change.to}`,
    hazards: (change) => [
      hazard('breaking', `renames table ${tableLabel(change.schema, change.from)} to ${change.to}`),
    ],
    drift: (change) => [renamedDraft('table', change.schema, change.from, change.to)],
    authored: asWritten,
  },
  'set-table-comment': {
    describe: (change) => `${commentVerb(change)} comment on table ${label(change.table)}`,
    hazards: noHazards,
    drift: (change) =>
      commentDrafts('table', label(change.table), change.from, change.to, label(change.table)),
    authored: asWritten,
  },
  'set-unlogged': {
    describe: (change) => `make table ${label(change.table)} ${change.unlogged ? 'unlogged' : 'logged'}`,
    hazards: (change, { existing }) =>
      existing(change.table)
        ? [
            hazard(
              'table-rewrite',
              `making ${label(change.table)} ${change.unlogged ? 'unlogged' : 'logged'} rewrites the table`,
            ),
          ]
        : [],
    drift: (change) => [
      {
        object: 'table',
        name: label(change.table),
        state: 'changed',
        detail: `made ${change.unlogged ? 'unlogged' : 'logged'} outside migrations`,
        owner: label(change.table),
      },
    ],
    authored: asWritten,
  },
  'set-replica-identity': {
    describe: (change) =>
      `set replica identity of ${label(change.table)} to ${replicaIdentityText(change.to)}`,
    // Changes what logical replication sends, not what queries see.
    hazards: noHazards,
    drift: (change) => [
      {
        object: 'table',
        name: label(change.table),
        state: 'changed',
        detail: `replica identity changed from ${replicaIdentityText(change.from)} to ${replicaIdentityText(change.to)}`,
        owner: label(change.table),
      },
    ],
    authored: asWritten,
  },
}
