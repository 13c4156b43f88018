import type { TypeChangeBody } from '../../diff/changes.js'
import { tableLabel } from '../../diff/renames.js'
import type { CompositeTypeModel, SchemaModel } from '../../model/types.js'
import { assertNever } from '../../util/assert-never.js'

/** A finding before it is worded: what changed on which domain or composite type, and how. */
export interface TypeDraft {
  readonly object: 'domain' | 'composite type' | 'comment on domain' | 'comment on composite type'
  readonly name: string
  readonly state: 'added' | 'missing' | 'changed'
  readonly detail?: string
}

const label = (ref: { schema: string; name: string }): string => tableLabel(ref.schema, ref.name)

/**
 * The findings of a change to a domain or composite type between what the migrations build
 * (`expected`) and the live database: `domain email: check email_has_at changed`,
 * `composite type address: attribute zip added outside migrations`.
 */
export function typeDrafts(change: TypeChangeBody, expected: SchemaModel, live: SchemaModel): TypeDraft[] {
  const domain = (ref: { schema: string; name: string }, detail: string): TypeDraft[] => [
    { object: 'domain', name: label(ref), state: 'changed', detail },
  ]
  const composite = (ref: { schema: string; name: string }, detail: string): TypeDraft[] => [
    { object: 'composite type', name: label(ref), state: 'changed', detail },
  ]
  const find = (model: SchemaModel, ref: { schema: string; name: string }) =>
    model.domains.find((d) => d.schema === ref.schema && d.name === ref.name)
  switch (change.kind) {
    case 'create-domain':
      return [{ object: 'domain', name: label(change.domain), state: 'added' }]
    case 'drop-domain':
      return [{ object: 'domain', name: label(change.domain), state: 'missing' }]
    case 'set-domain-default': {
      const { from, to } = change
      const detail =
        to === null
          ? `default removed (was ${from})`
          : from === null
            ? `default added (${to})`
            : `default changed from ${from} to ${to}`
      return domain(change.domain, detail)
    }
    case 'set-domain-not-null':
      return domain(change.domain, change.notNull ? 'NOT NULL added' : 'NOT NULL removed')
    case 'add-domain-check': {
      const before = find(expected, change.domain)?.checks.some((c) => c.name === change.check.name)
      const name = change.check.name
      return domain(
        change.domain,
        before ? `check ${name} changed` : `check ${name} added outside migrations`,
      )
    }
    case 'drop-domain-check': {
      // A check dropped and added again under its name is worded once, by the addition.
      const after = find(live, change.domain)?.checks.some((c) => c.name === change.check.name)
      return after ? [] : domain(change.domain, `check ${change.check.name} missing`)
    }
    case 'detach-type': {
      // The first half of a rebuild, worded by its second; a type dropped early is missing.
      if (change.recreated) return []
      return [{ object: change.type.kind, name: label(change.type.model), state: 'missing' }]
    }
    case 'replace-domain': {
      const { from, to } = change
      const details: string[] = []
      if (from.type !== to.type) details.push(`base type changed from ${from.type} to ${to.type}`)
      if (from.notNull !== to.notNull) details.push(to.notNull ? 'NOT NULL added' : 'NOT NULL removed')
      if (from.default !== to.default) details.push('default changed')
      const checks = (d: typeof from) => d.checks.map((c) => `${c.name} ${c.expression}`).join('\u0000')
      if (checks(from) !== checks(to)) details.push('checks changed')
      if (from.collation !== to.collation)
        details.push(`collation changed from ${from.collation ?? 'default'} to ${to.collation ?? 'default'}`)
      return domain(to, details.join(', ') || 'rebuilt with a type it stands on')
    }
    case 'set-domain-comment':
      return commentDraft('comment on domain', label(change.domain), change.from, change.to)
    case 'create-composite-type':
      return [{ object: 'composite type', name: label(change.type), state: 'added' }]
    case 'drop-composite-type':
      return [{ object: 'composite type', name: label(change.type), state: 'missing' }]
    case 'add-composite-attribute':
      return composite(change.type, `attribute ${change.attribute.name} added outside migrations`)
    case 'drop-composite-attribute':
      return composite(change.type, `attribute ${change.attribute.name} missing`)
    case 'alter-composite-attribute':
      return composite(
        change.type,
        `attribute ${change.to.name} type changed from ${change.from.type} to ${change.to.type}`,
      )
    case 'replace-composite-type':
      return composite(
        change.to,
        `attributes changed from ${attributes(change.from)} to ${attributes(change.to)}`,
      )
    case 'set-composite-type-comment':
      return commentDraft('comment on composite type', label(change.type), change.from, change.to)
    default:
      return assertNever(change)
  }
}

function commentDraft(
  object: 'comment on domain' | 'comment on composite type',
  name: string,
  from: string | null,
  to: string | null,
): TypeDraft[] {
  if (from === to) return []
  return [{ object, name, state: from === null ? 'added' : to === null ? 'missing' : 'changed' }]
}

function attributes(type: CompositeTypeModel): string {
  return `(${type.attributes.map((a) => `${a.name} ${a.type}`).join(', ')})`
}
