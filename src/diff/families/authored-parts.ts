import type { ColumnModel, DomainModel, IndexModel } from '../../model/types.js'
import type { ObjectRef } from '../change-parts.js'
import type { AuthoredSource } from './kind-entry.js'

/**
 * The plan is computed between two models read back from PostgreSQL, so expressions compare in
 * PostgreSQL's canonical form; the SQL written for the author keeps the expressions as they wrote
 * them in the schema. These put the authored text back into a part of a change.
 */

export function authoredColumn(column: ColumnModel, source: ColumnModel | undefined): ColumnModel {
  if (source === undefined) return column
  return {
    ...column,
    default: column.default === null ? null : (source.default ?? column.default),
    generated: column.generated === null ? null : (source.generated ?? column.generated),
  }
}

export function sourceColumn(
  source: AuthoredSource,
  table: ObjectRef,
  name: string,
): ColumnModel | undefined {
  return source.table(table)?.columns.find((c) => c.name === name)
}

/** A column moved off a type and back (or to a new enum), with its default as the author wrote it. */
export function authoredDefault<U extends { table: ObjectRef; column: string; default: string | null }>(
  use: U,
  source: AuthoredSource,
): U {
  const column = sourceColumn(source, use.table, use.column)
  return use.default === null || column?.default == null ? use : { ...use, default: column.default }
}

/** An index read back, with its key expressions and predicate as the schema writes them. */
export function authoredIndex(index: IndexModel, authored: readonly IndexModel[] | undefined): IndexModel {
  const source = authored?.find((i) => i.name === index.name)
  if (source === undefined || source.elements.length !== index.elements.length) return index
  return {
    ...index,
    where: index.where === null ? null : (source.where ?? index.where),
    elements: index.elements.map((e, i) => {
      const expression = source.elements[i]?.expression
      return e.expression === null || expression == null ? e : { ...e, expression }
    }),
  }
}

/** A domain read back, with its default and checks as the schema writes them. */
export function authoredDomain(domain: DomainModel, source: DomainModel | undefined): DomainModel {
  if (source === undefined) return domain
  return {
    ...domain,
    default: domain.default === null ? null : (source.default ?? domain.default),
    checks: domain.checks.map((c) => source.checks.find((s) => s.name === c.name) ?? c),
  }
}
