import type { OtherObjectKind, OtherObjectModel, TriggerState } from '../../../../model/types.js'
import { trimDefinition } from '../../grammar/catalog-text.js'
import { compareText } from '../order.js'

export function otherObject(
  kind: OtherObjectKind,
  schema: string,
  name: string,
  table: string | null,
  definition: string,
  comment: string | null = null,
  enabled: TriggerState | null = null,
): OtherObjectModel {
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

/** The model's order for others: kind, schema, table (none first), name. */
export function byKindSchemaTableName(a: OtherObjectModel, b: OtherObjectModel): number {
  return (
    compareText(a.kind, b.kind) ||
    compareText(a.schema, b.schema) ||
    compareText(a.table ?? '', b.table ?? '') ||
    compareText(a.name, b.name)
  )
}
