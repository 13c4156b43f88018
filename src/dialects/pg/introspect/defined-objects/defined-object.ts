import type { DefinedObjectKind, DefinedObjectModel, TriggerState } from '../../../../model/types.js'
import { trimDefinition } from '../../grammar/catalog-text.js'

export function definedObject(
  kind: DefinedObjectKind,
  schema: string,
  name: string,
  table: string | null,
  definition: string,
  comment: string | null = null,
  enabled: TriggerState | null = null,
): DefinedObjectModel {
  return {
    kind,
    schema,
    name,
    table,
    definition: trimDefinition(definition),
    comment: comment || null,
    enabled,
  }
}
