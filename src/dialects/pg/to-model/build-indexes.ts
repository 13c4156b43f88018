import type { IndexElementModel, IndexModel } from '../../../model/types.js'
import type { AnyColumn } from '../../../schema/column.js'
import type { IndexSpec } from '../../../schema/table-extras.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import { SQL } from '../../../sql/sql.js'
import { ddlExpression } from '../compiler/fragment.js'
import { indexColumnNames, type NameAllocator, nameAddition } from '../grammar/naming.js'
import { storageParameterModels } from './storage-parameters.js'

/**
 * The indexes of a table or materialized view, in canonical order; an unnamed one gets PostgreSQL's
 * default name (`<relation>_<keys>_idx`) from the schema's allocator.
 */
export function buildIndexes(
  relation: string,
  specs: readonly IndexSpec[],
  nameOf: (column: AnyColumn, what: string) => string,
  fail: (problem: string, what: string) => never,
  names: NameAllocator,
): IndexModel[] {
  return byJson(specs.map((spec) => indexInput(spec, nameOf, fail))).map((input) => {
    const problem = input.name === undefined ? undefined : identifierProblem(input.name)
    if (problem !== undefined) fail(problem, 'index')
    return {
      ...input.model,
      name:
        input.name ??
        names.choose(
          relation,
          nameAddition(
            indexColumnNames([...input.keys, ...input.model.include.map((column) => ({ column }))]),
          ),
          'idx',
        ),
    }
  })
}

/** Canonical order for unnamed indexes, so their default names never depend on declaration order. */
function byJson<T>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: JSON.stringify(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item)
}

/**
 * One index of a table or materialized view, before its default name is chosen. A key or INCLUDE
 * column written `sql.identifier('name')` is that column (a view that declares no columns names
 * them so); `nameOf` checks a column object belongs to the relation.
 */
function indexInput(
  spec: IndexSpec,
  nameOf: (column: AnyColumn, what: string) => string,
  fail: (problem: string, what: string) => never,
): {
  name: string | undefined
  keys: ({ column: string } | { expression: string })[]
  model: Omit<IndexModel, 'name'>
} {
  const what = `index ${spec.name ?? ''}`.trim()
  if (spec.elements.length === 0) fail('needs at least one key: index().on(...)', what)
  if (spec.nullsNotDistinct && !spec.unique) fail('NULLS NOT DISTINCT applies to unique indexes only', what)
  const keys: ({ column: string } | { expression: string })[] = []
  const elements: IndexElementModel[] = spec.elements.map((element) => {
    const target = element.target
    const named = target instanceof SQL ? identifierName(target) : nameOf(target, what)
    const column = named ?? null
    const expression = column === null ? ddlExpression(target as SQL) : null
    keys.push(column === null ? { expression: expression! } : { column })
    return {
      column,
      expression,
      order: element.order,
      nulls: element.nulls ?? (element.order === 'desc' ? 'first' : 'last'),
      opclass: element.opclass ?? null,
      collation: element.collation ?? null,
    }
  })
  const include = spec.include.map((column) => {
    if (!(column instanceof SQL)) return nameOf(column, what)
    const name = identifierName(column)
    return name ?? fail("INCLUDE takes columns: a column, or sql.identifier('name')", what)
  })
  return {
    name: spec.name,
    keys,
    model: {
      unique: spec.unique,
      method: spec.method,
      elements,
      include,
      where: spec.where === undefined ? null : ddlExpression(spec.where),
      nullsNotDistinct: spec.nullsNotDistinct,
      storageParameters: storageParameterModels(spec.storageParameters, (problem) => fail(problem, what)),
    },
  }
}

/** The column a fragment names when it is exactly `sql.identifier('name')`, else undefined. */
function identifierName(fragment: SQL): string | undefined {
  const [only, ...rest] = fragment.chunks
  if (only?.kind !== 'identifier' || rest.length > 0 || only.names.length !== 1) return undefined
  return only.names[0]
}
