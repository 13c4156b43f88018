import { assertNever } from '../util/assert-never.js'
import type { ParamEncoder, SQL } from './sql.js'

/**
 * Where a fragment is written: the dialect's statement writer. The walker decides the order; the
 * writer decides the text (how names are quoted, how parameters are numbered or inlined, how a
 * builder's expression is written), so every fragment, in a query or in DDL, goes through the
 * same walk.
 */
export interface FragmentWriter {
  text(text: string): void
  /** A possibly qualified name, `["public", "users"]`. */
  identifier(names: readonly string[]): void
  /** A column, with the name of its table when it has one. */
  column(table: string | undefined, name: string): void
  param(value: unknown, encode: ParamEncoder | undefined): void
  /** An expression made by the query builder. */
  expression(node: object): void
}

/** Writes a fragment's chunks, nested fragments included, in order. */
export function walkFragment(fragment: SQL, out: FragmentWriter): void {
  for (const chunk of fragment.chunks) {
    switch (chunk.kind) {
      case 'text':
        out.text(chunk.text)
        break
      case 'identifier':
        out.identifier(chunk.names)
        break
      case 'column':
        out.column(chunk.table, chunk.name)
        break
      case 'param':
        out.param(chunk.value, chunk.encode)
        break
      case 'sql':
        walkFragment(chunk.sql, out)
        break
      case 'expression':
        out.expression(chunk.node)
        break
      default:
        assertNever(chunk)
    }
  }
}
