import type { TypeDecoders } from '../query/row-mapper.js'
import { setOwnProperty } from '../util/own-property.js'
import type { RawResult } from './driver.js'

/** Field name to decoder; a query builder supplies these from its columns' modes. */
export type ResultDecoders = Readonly<Record<string, (text: string) => unknown>>

/**
 * Turns text rows into objects keyed by field name. A field's decoder is the query's own for
 * that name, else the default for its type OID, else none (the value stays text). When two fields
 * share a name, the later one wins, as in most drivers: alias one of them to keep both.
 */
export function decodeRows<Row>(
  result: RawResult,
  decoders: ResultDecoders | undefined,
  byType: TypeDecoders,
): Row[] {
  const fieldDecoders = result.fields.map(
    (field) =>
      (decoders && Object.hasOwn(decoders, field.name) ? decoders[field.name] : undefined) ??
      byType(field.typeOid),
  )
  return result.rows.map((values) => {
    const row: Record<string, unknown> = {}
    result.fields.forEach((field, i) => {
      const text = values[i] ?? null
      const decode = fieldDecoders[i]
      setOwnProperty(row, field.name, text === null || decode === undefined ? text : decode(text))
    })
    return row as Row
  })
}
