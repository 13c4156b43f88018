import type { ValueCodec } from '../../../sql/sql.js'
import { formatArrayLiteral } from './array-literal.js'
import { encodeParam } from './encode.js'

const keepText = (text: unknown): string | null => text as string | null

/** PostgreSQL's value rules, handed to parameter encoders that write only part of a value. */
export const pgValueCodec: ValueCodec = {
  encode: encodeParam,
  array: (elements) => formatArrayLiteral(elements, keepText),
}
