/**
 * PostgreSQL 15 and older print every column of a view's outer query qualified (`child.a`): the
 * view's range table kept two hidden entries, so the printer always named the relation. From 16 on,
 * an outer query that reads a single relation prints bare columns (`a`). To give one model on every
 * version, the qualifiers a newer server would not print are removed from an older server's text.
 * They are found with PostgreSQL's own parser (libpg-query), loaded only when such a server has views.
 */

import { loadTool, type Tool } from '../../../tools/load-tool.js'

type Parser = Tool<'libpg-query'>

let loading: Promise<Parser> | undefined

function parser(): Promise<Parser> {
  loading ??= loadTool('libpg-query', 'reading the views of a PostgreSQL 15 or older server').then(
    async (module) => {
      await module.loadModule()
      return module
    },
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The view text as PostgreSQL 16+ prints it, from the text PostgreSQL 15 printed. */
export async function viewTextLikePg16(definition: string): Promise<string> {
  const { parseSync } = await parser()
  const statement = parseSync(definition).stmts?.[0]?.stmt as { SelectStmt?: Node } | undefined
  const select = statement?.SelectStmt
  if (select === undefined || !readsOneRelation(select)) return definition
  const locations: number[] = []
  for (const [key, value] of Object.entries(select)) {
    // The FROM item and WITH queries have their own scope; both versions qualify inside them.
    if (key !== 'fromClause' && key !== 'withClause') collectQualified(value, locations)
  }
  return removeQualifiers(definition, locations)
}

type Node = Record<string, unknown>

function readsOneRelation(select: Node): boolean {
  const from = select.fromClause as Node[] | undefined
  const isSetOperation = select.op !== undefined && select.op !== 'SETOP_NONE'
  return !isSetOperation && from?.length === 1 && !('JoinExpr' in from[0]!)
}

/** Byte offsets of `relation.column` references in this scope, not inside subqueries. */
function collectQualified(value: unknown, found: number[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectQualified(item, found)
    return
  }
  if (value === null || typeof value !== 'object') return
  const node = value as Node
  for (const [key, child] of Object.entries(node)) {
    if (key === 'SubLink') {
      // `x IN (subquery)`: x belongs to this scope, the subquery does not.
      collectQualified((child as Node).testexpr, found)
    } else if (key === 'SelectStmt') {
      // A nested query has its own scope.
    } else if (key === 'ColumnRef') {
      const ref = child as { fields: Node[]; location?: number }
      const isQualifiedColumn = ref.fields.length === 2 && ref.fields.every((field) => 'String' in field)
      if (isQualifiedColumn && ref.location !== undefined) found.push(ref.location)
    } else {
      collectQualified(child, found)
    }
  }
}

/** Removes the `relation.` prefix at each byte offset (the parser reports UTF-8 offsets). */
function removeQualifiers(definition: string, locations: readonly number[]): string {
  let bytes = Buffer.from(definition, 'utf8')
  for (const start of [...new Set(locations)].sort((a, b) => b - a)) {
    const end = qualifierEnd(bytes, start)
    if (end > start) bytes = Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)])
  }
  return bytes.toString('utf8')
}

/** The offset just past `name.` or `"quoted name".` at start, or start when there is none. */
function qualifierEnd(bytes: Buffer, start: number): number {
  const quote = 0x22
  const dot = 0x2e
  let i = start
  if (bytes[i] === quote) {
    i += 1
    while (i < bytes.length) {
      if (bytes[i] === quote && bytes[i + 1] === quote) i += 2
      else if (bytes[i] === quote) break
      else i += 1
    }
    i += 1
  } else {
    while (i < bytes.length && bytes[i] !== dot && bytes[i] !== quote && !isDelimiter(bytes[i]!)) i += 1
  }
  return bytes[i] === dot ? i + 1 : start
}

function isDelimiter(byte: number): boolean {
  return byte <= 0x20 || byte === 0x28 || byte === 0x29 || byte === 0x2c
}
