import { IndexElement, type IndexKeySource, indexElement } from '../schema/indexes.js'
import type { ExprNode, OrderNode } from './ast.js'
import type { Operand, SourcesOf } from './expr.js'

/**
 * An ORDER BY item with its direction; `.nullsFirst()` / `.nullsLast()` place NULLs. The same item
 * is an index key in `index().on(...)`, where `.op()` and `.collate()` add the key's options.
 */
export class OrderBy<Src extends string = never> implements IndexKeySource {
  declare readonly $src: Src

  constructor(readonly node: OrderNode) {}

  /** The index key this item stands for: its operand must be a column or a `sql` expression. */
  toIndexElement(): IndexElement {
    return indexElement(this.node.expr, this.node.direction ?? 'asc', this.node.nulls)
  }

  /** As an index key: its operator class, e.g. `text_pattern_ops`, `jsonb_path_ops`. */
  op(opclass: string): IndexElement {
    return this.toIndexElement().op(opclass)
  }

  /** As an index key: its collation, e.g. `C`. */
  collate(collation: string): IndexElement {
    return this.toIndexElement().collate(collation)
  }

  nullsFirst(): OrderBy<Src> {
    return new OrderBy({ ...this.node, nulls: 'first' })
  }

  nullsLast(): OrderBy<Src> {
    return new OrderBy({ ...this.node, nulls: 'last' })
  }
}

/**
 * Ascending order: `orderBy(asc(users.name))`, or an ascending index key:
 * `index().on(asc(t.name).op('text_pattern_ops'))`.
 */
export function asc<X extends Operand>(operand: X): OrderBy<SourcesOf<X>> {
  return new OrderBy({ expr: operand, direction: 'asc', nulls: undefined })
}

/**
 * Descending order: `orderBy(desc(posts.createdAt).nullsLast())`, or a descending index key:
 * `index().on(desc(t.createdAt).nullsLast())`.
 */
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
