import type { UserType } from '../../model/type-order.js'
import type { Hazard, TypeColumnUse } from '../change-parts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { hazard, label } from './words.js'

/**
 * The first half of rebuilding a domain or composite type (the second is its family's `replace-*`
 * change): its columns step off it and it is dropped.
 */
export type TypeRebuildChange = {
  /**
   * The first half of rebuilding a type: its columns step off it (a domain's to its old base
   * type, a composite's to text) and it is dropped, after the types made of it. `recreated`
   * false: a type the plan drops that stood on a rebuilt one, dropped early for that reason.
   */
  readonly kind: 'detach-type'
  readonly type: UserType
  readonly columns: readonly TypeColumnUse[]
  readonly recreated: boolean
}

/**
 * The columns of a rebuilt type are moved off it and back: the tables are rewritten. `what` names
 * the type (`domain email`); the family adds what the conversion may lose.
 */
export function rebuildRewriteHazards(what: string, columns: readonly TypeColumnUse[]): Hazard[] {
  if (columns.length === 0) return []
  const tables = [...new Set(columns.map((c) => label(c.table)))].join(', ')
  return [hazard('table-rewrite', `rebuilding ${what} moves its columns and rewrites ${tables}`)]
}

export const typeRebuildKinds: FamilyEntries<TypeRebuildChange> = {
  'detach-type': {
    describe: (change) =>
      `${change.recreated ? 'detach' : 'drop'} ${change.type.kind} ${label(change.type.model)}${change.recreated ? ' from its columns to rebuild it' : ''}`,
    // The rebuild's second half carries the hazards of the whole.
    hazards: noHazards,
    // The first half of a rebuild, worded by its second; a type dropped early is missing.
    drift: (change) =>
      change.recreated
        ? []
        : [{ object: change.type.kind, name: label(change.type.model), state: 'missing' }],
    authored: asWritten,
  },
}
