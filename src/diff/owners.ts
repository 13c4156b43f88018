import { type OwnedObject, ownedObjectKey, ownedObjectList, ownersByObject } from '../model/owners.js'
import type { OwnerModel, SchemaModel } from '../model/types.js'
import type { ChangeBody } from './changes.js'
import type { Renames } from './renames.js'

/**
 * ALTER ... OWNER TO for each object of `to` whose owner differs. An object the plan creates, or
 * drops and creates again (`recreated`, by ownedObjectKey), starts owned by the role that runs
 * the plan; an object the plan drops needs nothing.
 */
export function planOwners(
  from: SchemaModel,
  to: SchemaModel,
  renames: Renames,
  recreated: ReadonlySet<string>,
): ChangeBody[] {
  const sourceOwners = ownersByObject({ owners: ownersAfterRenames(from.owners ?? [], renames) })
  const sourceObjects = new Set(ownedObjectList(from).map((o) => ownedObjectKey(renamed(o, renames))))
  const targetOwners = ownersByObject(to)
  const changes: ChangeBody[] = []
  for (const target of ownedObjectList(to)) {
    const key = ownedObjectKey(target)
    const kept = sourceObjects.has(key) && !recreated.has(key)
    const was = kept ? (sourceOwners.get(key) ?? null) : null
    const is = targetOwners.get(key) ?? null
    if (was !== is) changes.push({ kind: 'change-owner', target, from: was, to: is })
  }
  return changes
}

/** The owners with the tables named as they are after the renames: a renamed table keeps its owner. */
export function ownersAfterRenames(owners: readonly OwnerModel[], renames: Renames): OwnerModel[] {
  return owners.map((o) => renamed(o, renames))
}

function renamed<T extends OwnedObject>(o: T, renames: Renames): T {
  if (o.on !== 'table') return o
  const rename = renames.tables.find((r) => r.schema === o.schema && r.from === o.name)
  return rename === undefined ? o : { ...o, name: rename.to }
}
