import type { AnyColumn } from '../schema/column.js'
import type { SubquerySourceNode } from './ast.js'

/** Where a subquery or CTE object keeps its definition, out of the way of its column properties. */
export const subqueryDefinition: unique symbol = Symbol.for('tidemark.subqueryDefinition')

export interface SubqueryDefinition {
  readonly alias: string
  readonly columns: Readonly<Record<string, AnyColumn>>
  readonly node: SubquerySourceNode
}
