import type { CompositeAttributeModel, CompositeTypeModel, DomainModel } from '../../../model/types.js'
import { quoteIdent } from '../grammar/quote.js'
import { commentOn } from './render-comments.js'
import { collate, qualified } from './render-parts.js'

export const domainTarget = (schema: string, name: string): string => `DOMAIN ${qualified(schema, name)}`
export const typeTarget = (schema: string, name: string): string => `TYPE ${qualified(schema, name)}`
const ref = (o: { schema: string; name: string }): string => qualified(o.schema, o.name)

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

export function attributeDefinition(a: CompositeAttributeModel): string {
  return `${quoteIdent(a.name)} ${a.type}${collate(a.collation)}`
}
