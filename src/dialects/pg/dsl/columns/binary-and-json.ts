import { type Column, column } from '../../../../schema/column.js'
import { stringifyJson } from '../../../../util/json-text.js'
import { formatBytea, parseBytea } from '../../codec/bytea.js'
import { parseJson } from '../../codec/scalars.js'
import { pgType } from '../pg-type.js'

const byteaType = pgType('bytea', 'bytea', {
  decode: parseBytea,
  encode: (value) => {
    if (value === null || value === undefined) return null
    if (!(value instanceof Uint8Array))
      throw new TypeError('A bytea value must be a Uint8Array (or a Buffer)')
    return formatBytea(value)
  },
})

// JSON columns always send JSON text, so a string value is stored as a JSON string, not parsed.
// JS null is SQL NULL, like in every other column; a JSON null needs sql`'null'::jsonb`.
const jsonCodec = {
  decode: parseJson,
  encode: (value: unknown): string | null =>
    value === null || value === undefined ? null : stringifyJson(value),
}
const jsonType = pgType('json', 'json', jsonCodec)
const jsonbType = pgType('jsonb', 'jsonb', jsonCodec)

/** bytea, typed `Uint8Array`. */
export function bytea(name?: string): Column<Uint8Array> {
  return column(byteaType, name)
}

/**
 * json, typed with its shape: `json<{ theme: 'dark' | 'light' }>()`. Values are sent as JSON text;
 * JS `null` is SQL NULL (use `sql\`'null'::json\`` for a JSON null).
 */
export function json<T = unknown>(name?: string): Column<NoInfer<T>> {
  return column(jsonType, name)
}

/** jsonb, typed with its shape: `jsonb<string[]>()`. */
export function jsonb<T = unknown>(name?: string): Column<NoInfer<T>> {
  return column(jsonbType, name)
}
