import type { TableModel } from '../../../model/types.js'

/**
 * Which foreign keys close a cycle between tables (a table referencing itself, or two tables
 * referencing each other). TypeScript cannot infer the type of a table whose declaration depends on
 * its own type, so those references are annotated (`(): AnyColumn => ...`).
 *
 * Returns a function telling whether a reference from one table to another is part of a cycle.
 */
export function referenceCycles(tables: readonly TableModel[]): (from: Relation, to: Relation) => boolean {
  const key = (r: Relation): string => JSON.stringify([r.schema, r.name])
  const edges = new Map<string, string[]>()
  for (const table of tables) {
    edges.set(
      key(table),
      table.foreignKeys.map((fk) => key({ schema: fk.references.schema, name: fk.references.table })),
    )
  }
  const component = stronglyConnected(edges)
  return (from, to) => {
    const a = component.get(key(from))
    return a !== undefined && a === component.get(key(to))
  }
}

interface Relation {
  readonly schema: string
  readonly name: string
}

/** Tarjan's algorithm: each node's strongly connected component (an id shared by its members). */
function stronglyConnected(edges: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const component = new Map<string, number>()
  let counter = 0
  const visit = (node: string): void => {
    index.set(node, counter)
    low.set(node, counter)
    counter++
    stack.push(node)
    onStack.add(node)
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!))
      }
    }
    if (low.get(node) === index.get(node)) {
      const id = index.get(node)!
      const members: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        members.push(member)
      } while (member !== node)
      // A single table is a cycle only when it references itself.
      if (members.length > 1 || (edges.get(node) ?? []).includes(node)) {
        for (const m of members) component.set(m, id)
      }
    }
  }
  for (const node of edges.keys()) if (!index.has(node)) visit(node)
  return component
}
