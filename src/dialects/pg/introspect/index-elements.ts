import type { IndexElementModel } from '../../../model/types.js'
import {
  closingBracket,
  firstOpenBracket,
  splitTopLevel,
  unquoteIdentifier,
  unwrapBrackets,
} from '../grammar/catalog-text.js'

/** What the catalog says about one index key, before its printed form is consulted. */
export interface IndexKey {
  /** The column name, or null for an expression key. */
  readonly column: string | null
  /** indoption bits: 1 = DESC, 2 = NULLS FIRST. */
  readonly option: number
  /** The key alone as pg_get_indexdef(index, n, false) prints it. */
  readonly printed: string
}

const ORDER_TAIL = /(?: DESC)?(?: NULLS (?:FIRST|LAST))?$/u
const NAME = String.raw`(?:"(?:[^"]|"")*"|[^\s".]+)`
const COLLATE = new RegExp(String.raw`^ COLLATE (${NAME}(?:\.${NAME})?)`, 'u')

/**
 * Builds each key's model. PostgreSQL prints a key's collation and operator class only when they
 * are not the defaults for that key, and no catalog function returns them per key, so they are read
 * from the full pg_get_indexdef text: each key there is the bare key followed by
 * `[COLLATE c] [opclass] [DESC] [NULLS FIRST|LAST]`.
 */
export function indexElements(
  indexName: string,
  definition: string,
  keys: readonly IndexKey[],
): IndexElementModel[] {
  const printedKeys = keyList(definition)
  if (printedKeys.length < keys.length) {
    throw new Error(`index ${indexName}: cannot find its ${keys.length} keys in ${definition}`)
  }
  return keys.map((key, i) => {
    const full = printedKeys[i]!
    if (!full.startsWith(key.printed)) {
      throw new Error(`index ${indexName}: key ${i + 1} (${key.printed}) does not match ${definition}`)
    }
    let rest = full.slice(key.printed.length).replace(ORDER_TAIL, '')
    let collation: string | null = null
    const collate = COLLATE.exec(rest)
    if (collate !== null) {
      collation = unquoteIdentifier(collate[1]!)
      rest = rest.slice(collate[0].length)
    }
    const opclass = rest.trim()
    const descending = (key.option & 1) !== 0
    const nullsFirst = (key.option & 2) !== 0
    return {
      column: key.column,
      expression: key.column === null ? unwrapBrackets(key.printed) : null,
      order: descending ? 'desc' : 'asc',
      nulls: nullsFirst ? 'first' : 'last',
      opclass: opclass === '' ? null : opclass,
      collation,
    }
  })
}

/** The key list of `CREATE INDEX name ON table USING method (keys) ...`, one string per key. */
function keyList(definition: string): string[] {
  const open = firstOpenBracket(definition)
  const close = open < 0 ? -1 : closingBracket(definition, open)
  if (close < 0) return []
  return splitTopLevel(definition.slice(open + 1, close))
}
