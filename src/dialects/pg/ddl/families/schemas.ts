import type { SchemaChange } from '../../../../diff/families/schemas.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'

export const schemaRenderers: FamilyRenderers<SchemaChange> = {
  'create-schema': (change) => [`CREATE SCHEMA ${quoteIdent(change.schema)}`],
  'drop-schema': (change) => [`DROP SCHEMA ${quoteIdent(change.schema)}`],
}
