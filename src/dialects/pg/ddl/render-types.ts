import type { TypeChangeBody, TypeColumnUse } from '../../../diff/changes.js'
import type { UserType } from '../../../model/type-order.js'
import type { CompositeAttributeModel, CompositeTypeModel, DomainModel } from '../../../model/types.js'
import { assertNever } from '../../../util/assert-never.js'
import { quoteIdent } from '../quote.js'
import { commentOn } from './render-comments.js'
import { collate, qualified } from './render-parts.js'

export const domainTarget = (schema: string, name: string): string => `DOMAIN ${qualified(schema, name)}`
const typeTarget = (schema: string, name: string): string => `TYPE ${qualified(schema, name)}`
const ref = (o: { schema: string; name: string }): string => qualified(o.schema, o.name)

/** The statements of a change to a domain or composite type. */
export function renderTypeChange(change: TypeChangeBody): string[] {
  switch (change.kind) {
    case 'create-domain':
      return createDomain(change.domain)
    case 'drop-domain':
      return [`DROP DOMAIN ${ref(change.domain)}`]
    case 'set-domain-default':
      return [
        `ALTER DOMAIN ${ref(change.domain)} ${change.to === null ? 'DROP DEFAULT' : `SET DEFAULT ${change.to}`}`,
      ]
    case 'set-domain-not-null':
      return [`ALTER DOMAIN ${ref(change.domain)} ${change.notNull ? 'SET' : 'DROP'} NOT NULL`]
    case 'add-domain-check':
      return [
        `ALTER DOMAIN ${ref(change.domain)} ADD CONSTRAINT ${quoteIdent(change.check.name)} CHECK (${change.check.expression})${change.validated ? '' : ' NOT VALID'}`,
      ]
    case 'drop-domain-check':
      return [`ALTER DOMAIN ${ref(change.domain)} DROP CONSTRAINT ${quoteIdent(change.check.name)}`]
    case 'detach-type':
      return detach(change.type, change.columns)
    case 'replace-domain':
      return [...createDomain(change.to), ...stepBack(change.columns, ref(change.to))]
    case 'set-domain-comment':
      return [commentOn(domainTarget(change.domain.schema, change.domain.name), change.to)]
    case 'create-composite-type':
      return createCompositeType(change.type)
    case 'drop-composite-type':
      return [`DROP TYPE ${ref(change.type)}`]
    case 'add-composite-attribute':
      return [`ALTER TYPE ${ref(change.type)} ADD ATTRIBUTE ${attributeDefinition(change.attribute)}`]
    case 'drop-composite-attribute':
      return [`ALTER TYPE ${ref(change.type)} DROP ATTRIBUTE ${quoteIdent(change.attribute.name)}`]
    case 'alter-composite-attribute': {
      const { name, type, collation } = change.to
      return [
        `ALTER TYPE ${ref(change.type)} ALTER ATTRIBUTE ${quoteIdent(name)} TYPE ${type}${collate(collation)}`,
      ]
    }
    case 'replace-composite-type':
      return [...createCompositeType(change.to), ...stepBack(change.columns, ref(change.to))]
    case 'set-composite-type-comment':
      return [commentOn(typeTarget(change.type.schema, change.type.name), change.to)]
    default:
      return assertNever(change)
  }
}

/** CREATE DOMAIN with its collation, default, NOT NULL and named checks, then its comment. */
export function createDomain(d: DomainModel): string[] {
  const parts = [`CREATE DOMAIN ${ref(d)} AS ${d.type}${collate(d.collation)}`]
  if (d.default !== null) parts.push(`DEFAULT ${d.default}`)
  if (d.notNull) parts.push('NOT NULL')
  for (const check of d.checks) parts.push(`CONSTRAINT ${quoteIdent(check.name)} CHECK (${check.expression})`)
  return [
    parts.join(' '),
    ...(d.comment === null ? [] : [commentOn(domainTarget(d.schema, d.name), d.comment)]),
  ]
}

/** CREATE TYPE ... AS (...), then its comment. */
export function createCompositeType(t: CompositeTypeModel): string[] {
  const attributes = t.attributes.map(attributeDefinition).join(', ')
  return [
    `CREATE TYPE ${ref(t)} AS (${attributes})`,
    ...(t.comment === null ? [] : [commentOn(typeTarget(t.schema, t.name), t.comment)]),
  ]
}

function attributeDefinition(a: CompositeAttributeModel): string {
  return `${quoteIdent(a.name)} ${a.type}${collate(a.collation)}`
}

const alterColumn = (use: TypeColumnUse, action: string): string =>
  `ALTER TABLE ${ref(use.table)} ALTER COLUMN ${quoteIdent(use.column)} ${action}`

/**
 * The first half of a rebuild: each column steps off the type, to a domain's base type or to text
 * for a composite (whose text form carries the values, attribute by position), losing a default that
 * may name the type; then the type is dropped.
 */
function detach(type: UserType, uses: readonly TypeColumnUse[]): string[] {
  const throughText = type.kind === 'composite type'
  const stepOff = type.kind === 'domain' ? type.model.type : 'text'
  const statements: string[] = []
  for (const use of uses) {
    if (use.hadDefault) statements.push(alterColumn(use, 'DROP DEFAULT'))
    const dims = '[]'.repeat(use.dimensions)
    const via = throughText ? ` USING ${quoteIdent(use.column)}::text${dims}` : ''
    statements.push(alterColumn(use, `TYPE ${stepOff}${dims}${via}`))
  }
  statements.push(`DROP ${type.kind === 'domain' ? 'DOMAIN' : 'TYPE'} ${ref(type.model)}`)
  return statements
}

/**
 * The second half: the columns still on the type return to it through text and
 * get their default back. A column leaving the type keeps the step-off type until its own change
 * gives it its new type and default.
 */
function stepBack(uses: readonly TypeColumnUse[], name: string): string[] {
  const statements: string[] = []
  for (const use of uses) {
    if (!use.back) continue
    const dims = '[]'.repeat(use.dimensions)
    // Through text: the column may hold the old type's base (an enum replaced since), which only
    // converts to the new type through its text form.
    const through = `::text${dims}`
    statements.push(
      alterColumn(use, `TYPE ${name}${dims} USING ${quoteIdent(use.column)}${through}::${name}${dims}`),
    )
    if (use.default !== null) statements.push(alterColumn(use, `SET DEFAULT ${use.default}`))
  }
  return statements
}
