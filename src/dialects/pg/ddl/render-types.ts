import type { TypeChangeBody, TypeColumnUse } from '../../../diff/changes.js'
import type { CompositeAttributeModel, CompositeTypeModel, DomainModel } from '../../../model/types.js'
import { assertNever } from '../../../sql/compile.js'
import { quoteIdent } from '../quote.js'
import { commentOn } from './render-comments.js'
import { qualified } from './render-parts.js'

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
        `ALTER DOMAIN ${ref(change.domain)} ADD CONSTRAINT ${quoteIdent(change.check.name)} CHECK (${change.check.expression})`,
      ]
    case 'drop-domain-check':
      return [`ALTER DOMAIN ${ref(change.domain)} DROP CONSTRAINT ${quoteIdent(change.check.name)}`]
    case 'replace-domain': {
      const name = ref(change.to)
      return rebuild(change.columns, name, change.from.type, false, [
        `DROP DOMAIN ${name}`,
        ...createDomain(change.to),
      ])
    }
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
    case 'replace-composite-type': {
      const name = ref(change.to)
      return rebuild(change.columns, name, 'text', true, [
        `DROP TYPE ${name}`,
        ...createCompositeType(change.to),
      ])
    }
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

/** `COLLATE "C"`; a qualified name is written as the catalog printed it. */
function collate(collation: string | null): string {
  if (collation === null) return ''
  return ` COLLATE ${collation.includes('.') ? collation : quoteIdent(collation)}`
}

/**
 * Rebuilds a type under its columns: each steps off to `stepOff` (the domain's old base type, or
 * text), losing a default that names the type; the type is rebuilt; the columns still on it return
 * (through text for a composite, whose text form carries the values by attribute position) and get
 * their default back. A column leaving the type keeps `stepOff` until its own change.
 */
function rebuild(
  uses: readonly TypeColumnUse[],
  name: string,
  stepOff: string,
  throughText: boolean,
  rebuilt: string[],
): string[] {
  const alter = (use: TypeColumnUse, action: string): string =>
    `ALTER TABLE ${ref(use.table)} ALTER COLUMN ${quoteIdent(use.column)} ${action}`
  const statements: string[] = []
  for (const use of uses) {
    if (use.hadDefault) statements.push(alter(use, 'DROP DEFAULT'))
    const dims = '[]'.repeat(use.dimensions)
    const column = quoteIdent(use.column)
    const via = throughText ? ` USING ${column}::text${dims}` : ''
    statements.push(alter(use, `TYPE ${stepOff}${dims}${via}`))
  }
  statements.push(...rebuilt)
  for (const use of uses) {
    const dims = '[]'.repeat(use.dimensions)
    if (use.back) {
      const column = quoteIdent(use.column)
      const through = throughText ? `::text${dims}` : ''
      statements.push(alter(use, `TYPE ${name}${dims} USING ${column}${through}::${name}${dims}`))
    }
    if (use.default !== null) statements.push(alter(use, `SET DEFAULT ${use.default}`))
  }
  return statements
}
