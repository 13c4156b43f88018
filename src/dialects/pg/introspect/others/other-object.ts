import type { OtherObjectKind, OtherObjectModel, TriggerState } from '../../../../model/types.js'
import { trimDefinition } from '../../grammar/catalog-text.js'

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
