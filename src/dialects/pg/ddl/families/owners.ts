import type { OwnerChange } from '../../../../diff/families/owners.js'
import type { OwnedObjectKind } from '../../../../model/types.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { qualified } from '../render-parts.js'

const KEYWORD: Record<OwnedObjectKind, string> = {
  schema: 'SCHEMA',
  table: 'TABLE',
  view: 'VIEW',
  'materialized view': 'MATERIALIZED VIEW',
  sequence: 'SEQUENCE',
  function: 'FUNCTION',
  procedure: 'PROCEDURE',
  enum: 'TYPE',
  domain: 'DOMAIN',
  'composite type': 'TYPE',
}

/** `"s"."t"`, `"s"` for a schema, `"s"."f"(integer, text)` for a routine (by its argument types). */
function ownedName(target: OwnerChange['target']): string {
  if (target.on === 'schema') return quoteIdent(target.name)
  const paren = target.name.indexOf('(')
  if ((target.on === 'function' || target.on === 'procedure') && paren > 0)
    return `${qualified(target.schema, target.name.slice(0, paren))}${target.name.slice(paren)}`
  return qualified(target.schema, target.name)
}

export const ownerRenderers: FamilyRenderers<OwnerChange> = {
  // Back to the migrations' role: the role that runs the statement, as for an object it creates.
  'change-owner': (change) => [
    `ALTER ${KEYWORD[change.target.on]} ${ownedName(change.target)} OWNER TO ${change.to === null ? 'CURRENT_USER' : quoteIdent(change.to)}`,
  ],
}
