import { entryOf } from '../../diff/change-kinds.js'
import type { Change } from '../../diff/changes.js'
import { definedObjectKey } from '../../diff/defined-objects.js'
import type { AuthoredSource } from '../../diff/families/kind-entry.js'
import type { DefinedObjectModel, SchemaModel } from '../../model/types.js'

/**
 * The plan is computed between two models read back from PostgreSQL, so expressions compare in
 * PostgreSQL's canonical form; the SQL written for the author keeps the expressions as they wrote
 * them in the schema. This puts the authored text back into the changes that create things (each
 * change kind's `authored` says how, in its family module under `diff/families/`).
 */
export function withAuthoredExpressions(
  changes: readonly Change[],
  authored: SchemaModel,
  definedObjects: ReadonlyMap<string, DefinedObjectModel> = new Map(),
): Change[] {
  const key = (ref: { schema: string; name: string }): string => `${ref.schema}.${ref.name}`
  const tables = new Map(authored.tables.map((t) => [key(t), t]))
  const views = new Map(authored.views.map((v) => [key(v), v]))
  const domains = new Map(authored.domains.map((d) => [key(d), d]))
  const source: AuthoredSource = {
    table: (ref) => tables.get(key(ref)),
    view: (ref) => views.get(key(ref)),
    domain: (ref) => domains.get(key(ref)),
    definedObject: (object) => definedObjects.get(definedObjectKey(object)),
  }
  return changes.map((change) => entryOf(change).authored(change, source))
}
