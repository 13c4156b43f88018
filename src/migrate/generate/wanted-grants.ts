import { compareGrants, declaresGrants, grantableObjects, grantObjectKey } from '../../model/grants.js'
import type { DefinedObjectModel, GrantModel, SchemaModel } from '../../model/types.js'

/**
 * The grants the target holds, named as PostgreSQL reads its objects back (`read`). A schema that
 * declares grants gets exactly those (its routines under the names PostgreSQL gives their argument
 * types); one that declares none leaves grants to the migrations: the objects the history has keep
 * its grants, the new ones keep what PostgreSQL gave them.
 *
 * `authored` holds the declared routines by the key of their reading, as from loadDeclared.
 */
export function wantedGrants(
  declared: SchemaModel,
  current: SchemaModel,
  read: SchemaModel,
  authored: ReadonlyMap<string, DefinedObjectModel>,
): GrantModel[] {
  if (declaresGrants(declared)) return renameRoutines(declared.grants, authored)
  const readObjects = grantableObjects(read)
  const currentObjects = grantableObjects(current)
  const columns = new Map(
    read.tables.map((t) => [`${t.schema}.${t.name}`, new Set(t.columns.map((c) => c.name))]),
  )
  const columnExists = (g: GrantModel): boolean =>
    g.column === null || columns.get(`${g.schema}.${g.name}`)?.has(g.column) !== false
  return [
    ...current.grants.filter((g) => readObjects.has(grantObjectKey(g)) && columnExists(g)),
    ...read.grants.filter((g) => !currentObjects.has(grantObjectKey(g))),
  ].sort(compareGrants)
}

/** Grants on declared routines under their read-back names (`touch(int)` is `touch(integer)`). */
function renameRoutines(
  grants: readonly GrantModel[],
  authored: ReadonlyMap<string, DefinedObjectModel>,
): GrantModel[] {
  const names = new Map<string, string>()
  for (const [key, o] of authored) {
    if (o.kind === 'function' || o.kind === 'procedure')
      names.set(grantObjectKey({ on: o.kind, schema: o.schema, name: o.name }), key.split('\u0000')[3]!)
  }
  return grants
    .map((g) => {
      const name = names.get(grantObjectKey(g))
      return name === undefined ? g : { ...g, name }
    })
    .sort(compareGrants)
}
