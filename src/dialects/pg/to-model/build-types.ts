import { SchemaError } from '../../../model/schema-error.js'
import type { CompositeTypeModel, DomainModel } from '../../../model/types.js'
import type { CompositeDeclaration, DomainDeclaration } from '../../../schema/column-type.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import { ddlExpression } from '../compiler/fragment.js'
import { defaultLiteral } from '../grammar/default-literal.js'
import { NameAllocator } from '../grammar/naming.js'
import { commentText } from './comment-text.js'

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * A domain's model. Unnamed checks get the names PostgreSQL gives them in declaration order,
 * `<domain>_check`, `<domain>_check1`, ..., skipping the names given explicitly.
 */
export function domainModel(d: DomainDeclaration): DomainModel {
  const label = `domain ${d.schema}.${d.name}`
  const problem = identifierProblem(d.name)
  if (problem !== undefined) throw new SchemaError(label, problem)
  const names = new NameAllocator()
  for (const check of d.checks) {
    if (check.name === undefined) continue
    const bad = identifierProblem(check.name)
    if (bad !== undefined) throw new SchemaError(`${label}, check ${check.name}`, bad)
    if (names.has(check.name)) throw new SchemaError(label, `two checks are named ${check.name}`)
    names.reserve(check.name)
  }
  const checks = d.checks.map((check) => {
    const expression = ddlExpression(check.expression)
    if (expression === '') throw new SchemaError(label, 'a check needs an expression')
    return { name: check.name ?? names.choose(d.name, undefined, 'check'), expression }
  })
  let defaultText: string | null = null
  const value = d.default?.value
  if (d.default !== undefined && value !== null) {
    try {
      defaultText = d.default.kind === 'sql' ? ddlExpression(value as never) : defaultLiteral(value, d.base)
    } catch (error) {
      throw new SchemaError(label, `invalid default: ${(error as Error).message}`)
    }
  }
  if (d.collation !== undefined && (typeof d.collation !== 'string' || d.collation === ''))
    throw new SchemaError(label, 'the collation option takes a collation name')
  return {
    schema: d.schema,
    name: d.name,
    type: d.base.sql,
    notNull: d.notNull,
    default: defaultText,
    collation: d.collation ?? null,
    checks: checks.sort((a, b) => compare(a.name, b.name)),
    comment: commentText(d.comment, label),
  }
}

export function compositeTypeModel(t: CompositeDeclaration): CompositeTypeModel {
  const label = `composite type ${t.schema}.${t.name}`
  const problem = identifierProblem(t.name)
  if (problem !== undefined) throw new SchemaError(label, problem)
  const seen = new Set<string>()
  for (const attribute of t.attributes) {
    const bad = identifierProblem(attribute.name)
    if (bad !== undefined) throw new SchemaError(`${label}, attribute ${attribute.name}`, bad)
    if (seen.has(attribute.name)) throw new SchemaError(label, `two attributes are named ${attribute.name}`)
    if (attribute.type.serial !== undefined)
      throw new SchemaError(
        `${label}, attribute ${attribute.name}`,
        'a serial type has no place in a composite',
      )
    seen.add(attribute.name)
  }
  return {
    schema: t.schema,
    name: t.name,
    attributes: t.attributes.map((a) => ({ name: a.name, type: a.type.sql, collation: null })),
    comment: commentText(t.comment, label),
  }
}
