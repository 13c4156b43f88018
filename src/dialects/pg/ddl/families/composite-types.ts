import type { CompositeTypeChange } from '../../../../diff/families/composite-types.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { commentOn } from '../render-comments.js'
import { collate, qualified } from '../render-parts.js'
import { attributeDefinition, createCompositeType, typeTarget } from '../render-types.js'
import { stepBack } from './type-rebuilds.js'

const alterType = (type: { schema: string; name: string }, action: string): string =>
  `ALTER TYPE ${qualified(type.schema, type.name)} ${action}`

export const compositeTypeRenderers: FamilyRenderers<CompositeTypeChange> = {
  'create-composite-type': (change) => createCompositeType(change.type),
  'drop-composite-type': (change) => [`DROP TYPE ${qualified(change.type.schema, change.type.name)}`],
  'add-composite-attribute': (change) => [
    alterType(change.type, `ADD ATTRIBUTE ${attributeDefinition(change.attribute)}`),
  ],
  'drop-composite-attribute': (change) => [
    alterType(change.type, `DROP ATTRIBUTE ${quoteIdent(change.attribute.name)}`),
  ],
  'alter-composite-attribute': (change) => {
    const { name, type, collation } = change.to
    return [alterType(change.type, `ALTER ATTRIBUTE ${quoteIdent(name)} TYPE ${type}${collate(collation)}`)]
  },
  'replace-composite-type': (change) => [
    ...createCompositeType(change.to),
    ...stepBack(change.columns, change.to),
  ],
  'set-composite-type-comment': (change) => [
    commentOn(typeTarget(change.type.schema, change.type.name), change.to),
  ],
}
