import { SchemaError } from '../../../model/schema-error.js'
import type { ColumnType, CompositeDeclaration, DomainDeclaration } from '../../../schema/column-type.js'
import { kindOf } from '../../../schema/kind.js'
import { type AnyTable, tableDefinition } from '../../../schema/table.js'
import type { View } from '../../../schema/view.js'
import type { PgCompositeType } from '../dsl/composite-type.js'
import type { PgDomain } from '../dsl/domain.js'
import type { PgEnum } from '../dsl/enum-type.js'
import type { PgNamespace } from '../dsl/namespace.js'
import type { PgExtension } from '../dsl/objects/extension.js'
import type { PgGrant } from '../dsl/objects/grant.js'
import type { PgRoutine } from '../dsl/objects/routine.js'
import type { PgTrigger } from '../dsl/objects/trigger.js'
import type { PgSequence } from '../dsl/sequence.js'
import { compositeTypeModel, domainModel } from './build-types.js'

export interface CollectedEnum {
  readonly schema: string
  readonly name: string
  readonly values: readonly string[]
  readonly comment: string | undefined
}

/** The schema objects found in what was passed to toModel, each once. */
export interface CollectedSchema {
  readonly tables: AnyTable[]
  readonly views: View[]
  readonly enums: CollectedEnum[]
  readonly domains: DomainDeclaration[]
  readonly compositeTypes: CompositeDeclaration[]
  readonly sequences: PgSequence[]
  readonly namespaces: string[]
  readonly extensions: PgExtension[]
  readonly routines: PgRoutine[]
  readonly triggers: PgTrigger[]
  readonly grants: PgGrant[]
}

/**
 * Finds schema objects among module exports: a module namespace (`import * as schema`), an object of
 * exports, an array, or the objects themselves. Other exports are ignored. Enums used by columns
 * and trigger functions belong to the schema even when the module does not export them.
 */
export function collect(sources: readonly unknown[]): CollectedSchema {
  const found: CollectedSchema = {
    tables: [],
    views: [],
    enums: [],
    domains: [],
    compositeTypes: [],
    sequences: [],
    namespaces: [],
    extensions: [],
    routines: [],
    triggers: [],
    grants: [],
  }
  const seen = new Set<unknown>()
  const add = (value: unknown): void => {
    if (seen.has(value)) return
    seen.add(value)
    // Grants are often exported together: `export const grants = [grant(...), grant(...)]`.
    if (Array.isArray(value)) {
      for (const item of value) if (kindOf(item) === 'grant') add(item)
      return
    }
    const kind = kindOf(value)
    if (kind === 'table') found.tables.push(value as AnyTable)
    else if (kind === 'view') found.views.push(value as View)
    else if (kind === 'sequence') found.sequences.push(value as PgSequence)
    else if (kind === 'namespace') found.namespaces.push((value as PgNamespace).name)
    else if (kind === 'domain') addTypes(found, (value as PgDomain).declaration.base, value as PgDomain)
    else if (kind === 'composite type') addComposite(found, (value as PgCompositeType).declaration)
    else if (kind === 'extension') found.extensions.push(value as PgExtension)
    else if (kind === 'routine') found.routines.push(value as PgRoutine)
    else if (kind === 'grant') found.grants.push(value as PgGrant)
    else if (kind === 'trigger') {
      const declared = value as PgTrigger
      found.triggers.push(declared)
      // The function a trigger executes belongs to the schema even when the module does not export it.
      if (declared.function !== undefined) add(declared.function)
    } else if (kind === 'enum') {
      const e = value as PgEnum
      addEnum(found.enums, { schema: e.schema, name: e.enumName, values: e.values, comment: e.comment })
    }
  }
  for (const source of sources) {
    if (kindOf(source) !== undefined) add(source)
    else if (Array.isArray(source)) source.forEach(add)
    else if (typeof source === 'object' && source !== null) Object.values(source).forEach(add)
    else throw new TypeError(`toModel() takes schema modules or schema objects, got ${String(source)}`)
  }
  for (const table of found.tables) {
    for (const column of Object.values(table[tableDefinition].columns)) {
      addTypes(found, column.config.type)
    }
  }
  return found
}

/** The enums, domains and composite types a type stands on, each once (a domain over an enum, ...). */
function addTypes(found: CollectedSchema, type: ColumnType, declared?: PgDomain): void {
  if (declared !== undefined) addDomain(found, declared.declaration)
  const scalar = type.element ?? type
  if (scalar.enum !== undefined) addEnum(found.enums, scalar.enum)
  if (scalar.domain !== undefined) addDomain(found, scalar.domain)
  if (scalar.composite !== undefined) addComposite(found, scalar.composite)
}

function addDomain(found: CollectedSchema, domain: DomainDeclaration): void {
  const known = found.domains.find((d) => d.schema === domain.schema && d.name === domain.name)
  if (known !== undefined) {
    if (known === domain || sameModel(domainModel(known), domainModel(domain))) return
    throw new SchemaError(
      `domain ${domain.schema}.${domain.name}`,
      'declared twice differently; declare the domain once and share it',
    )
  }
  found.domains.push(domain)
  addTypes(found, domain.base)
}

function addComposite(found: CollectedSchema, composite: CompositeDeclaration): void {
  const known = found.compositeTypes.find((t) => t.schema === composite.schema && t.name === composite.name)
  if (known !== undefined) {
    if (known === composite || sameModel(compositeTypeModel(known), compositeTypeModel(composite))) return
    throw new SchemaError(
      `composite type ${composite.schema}.${composite.name}`,
      'declared twice differently; declare the type once and share it',
    )
  }
  found.compositeTypes.push(composite)
  for (const attribute of composite.attributes) addTypes(found, attribute.type)
}

/** Adds an enum once; two declarations of one name must agree on the labels and the comment. */
function addEnum(enums: CollectedEnum[], candidate: CollectedEnum): void {
  const known = enums.find((e) => e.schema === candidate.schema && e.name === candidate.name)
  if (known === undefined) enums.push(candidate)
  else if (known.values.join('\u0000') !== candidate.values.join('\u0000')) {
    throw new SchemaError(
      `enum ${candidate.schema}.${candidate.name}`,
      'declared twice with different labels; declare the enum once and share it',
    )
  } else if ((known.comment || undefined) !== (candidate.comment || undefined)) {
    throw new SchemaError(
      `enum ${candidate.schema}.${candidate.name}`,
      'declared twice with different comments; declare the enum once and share it',
    )
  }
}

const sameModel = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
