import { byKindSchemaTableName } from '../../../model/defined-object-order.js'
import { SchemaError } from '../../../model/schema-error.js'
import type { DefinedObjectModel } from '../../../model/types.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import { relationOf } from '../dsl/objects/trigger.js'
import type { CollectedSchema } from './collect.js'
import { commentText } from './comment-text.js'

/**
 * Where each declared object was written (`file:line`), for errors only the database finds. Kept
 * beside the model, not in it: the model compares field for field and is written to caches.
 */
export const declaredAt = new WeakMap<DefinedObjectModel, string>()

/**
 * The extensions, functions, procedures and triggers a schema declares, as the model's `definedObjects`.
 * Their definitions are the statements as written; generate reads them back from PostgreSQL before
 * comparing, and learns there the canonical names of routines (`touch(int)` is `touch(integer)`).
 */
export function buildDefinedObjects(
  found: CollectedSchema,
  relations: ReadonlySet<string>,
): DefinedObjectModel[] {
  const objects: DefinedObjectModel[] = []
  const seen = new Map<string, string>()
  const add = (object: DefinedObjectModel, label: string, where: string | undefined): void => {
    const key = `${object.kind}\u0000${object.schema}\u0000${object.table}\u0000${object.name.toLowerCase()}`
    const known = seen.get(key)
    if (known !== undefined) {
      if (known === object.definition) return
      throw new SchemaError(label, 'declared twice with different definitions; declare it once and share it')
    }
    seen.set(key, object.definition)
    objects.push(object)
    if (where !== undefined) declaredAt.set(object, where)
  }

  for (const x of found.extensions) {
    const label = `extension ${x.name}`
    const problem = identifierProblem(x.name) ?? identifierProblem(x.schema)
    if (problem !== undefined) throw new SchemaError(label, problem)
    add(other('extension', x.schema, x.name, null, x.statement, null, null), label, undefined)
  }
  for (const r of found.routines) {
    const label = `${r.kind} ${r.schema}.${r.signature}`
    const problem = identifierProblem(r.name) ?? identifierProblem(r.schema)
    if (problem !== undefined) throw new SchemaError(label, problem)
    add(
      other(r.kind, r.schema, r.signature, null, r.statement, commentText(r.comment, label), null),
      label,
      r.definedAt,
    )
  }
  for (const t of found.triggers) {
    const on = relationOf(t.on)!
    const label = `trigger ${t.name} on ${on.schema}.${on.name}`
    const problem = identifierProblem(t.name)
    if (problem !== undefined) throw new SchemaError(label, problem)
    if (!relations.has(`${on.schema}.${on.name}`))
      throw new SchemaError(
        label,
        `${on.schema}.${on.name} is not part of the schema; export it with the trigger`,
      )
    const comment = commentText(t.comment, label)
    add(other('trigger', on.schema, t.name, on.name, t.statement, comment, t.enabled), label, t.definedAt)
  }
  return objects.sort(byKindSchemaTableName)
}

function other(
  kind: DefinedObjectModel['kind'],
  schema: string,
  name: string,
  table: string | null,
  definition: string,
  comment: string | null,
  enabled: DefinedObjectModel['enabled'],
): DefinedObjectModel {
  return { kind, schema, name, table, definition, comment, enabled }
}
