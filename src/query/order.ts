import { IndexElement } from '../schema/indexes.js'
import type { ExprNode, OrderNode } from './ast.js'
import type { Operand, SourcesOf } from './expr.js'

/** An ORDER BY item with its direction; `.nullsFirst()` / `.nullsLast()` place NULLs. */
export class OrderBy<Src extends string = never> {
  declare readonly $src: Src

  constructor(readonly node: OrderNode) {}

  nullsFirst(): OrderBy<Src> {
    return new OrderBy({ ...this.node, nulls: 'first' })
  }

  nullsLast(): OrderBy<Src> {
    return new OrderBy({ ...this.node, nulls: 'last' })
  }
}

/** Ascending order: `orderBy(asc(users.name))`. */
export function asc<X extends Operand>(operand: X): OrderBy<SourcesOf<X>> {
  return new OrderBy({ expr: operand, direction: 'asc', nulls: undefined })
}

/** Descending order: `orderBy(desc(posts.createdAt).nullsLast())`. */
export function desc<X extends Operand>(operand: X): OrderBy<SourcesOf<X>> {
  return new OrderBy({ expr: operand, direction: 'desc', nulls: undefined })
}

/** An order item as a node: an operand, an `asc()`/`desc()` item, or an index key element. */
export function orderNode(item: unknown): OrderNode {
  if (item instanceof OrderBy) return item.node
  if (item instanceof IndexElement) {
    const { target, order, nulls } = item.spec
    return { expr: target, direction: order, nulls }
  }
  return { expr: item as ExprNode, direction: undefined, nulls: undefined }
}
