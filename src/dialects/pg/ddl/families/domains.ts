import type { DomainChange } from '../../../../diff/families/domains.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { commentOn } from '../render-comments.js'
import { qualified } from '../render-parts.js'
import { createDomain, domainTarget } from '../render-types.js'
import { stepBack } from './type-rebuilds.js'

const alterDomain = (domain: { schema: string; name: string }, action: string): string =>
  `ALTER DOMAIN ${qualified(domain.schema, domain.name)} ${action}`

export const domainRenderers: FamilyRenderers<DomainChange> = {
  'create-domain': (change) => createDomain(change.domain),
  'drop-domain': (change) => [`DROP DOMAIN ${qualified(change.domain.schema, change.domain.name)}`],
  'set-domain-default': (change) => [
    alterDomain(change.domain, change.to === null ? 'DROP DEFAULT' : `SET DEFAULT ${change.to}`),
  ],
  'set-domain-not-null': (change) => [
    alterDomain(change.domain, `${change.notNull ? 'SET' : 'DROP'} NOT NULL`),
  ],
  'add-domain-check': (change) => [
    alterDomain(
      change.domain,
      `ADD CONSTRAINT ${quoteIdent(change.check.name)} CHECK (${change.check.expression})${change.validated ? '' : ' NOT VALID'}`,
    ),
  ],
  'drop-domain-check': (change) => [
    alterDomain(change.domain, `DROP CONSTRAINT ${quoteIdent(change.check.name)}`),
  ],
  'replace-domain': (change) => [...createDomain(change.to), ...stepBack(change.columns, change.to)],
  'set-domain-comment': (change) => [
    commentOn(domainTarget(change.domain.schema, change.domain.name), change.to),
  ],
}
