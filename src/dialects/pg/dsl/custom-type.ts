import { type Column, column } from '../../../schema/column.js'
import { pgType } from './pg-type.js'

export interface CustomTypeDefinition<T> {
  /** The SQL type as PostgreSQL's format_type() prints it, e.g. `point`, `tsvector`, `bit(8)`. */
  readonly dataType: string
  /** The server's text to the JS value (the text itself when omitted). */
  readonly fromDriver?: (text: string) => T
  /** The JS value to the text sent to the server (String(value) when omitted). */
  readonly toDriver?: (value: T) => string | null
}

/**
 * The escape hatch for types Tidemark has no factory for.
 *
 * @example
 * const point = customType<{ x: number; y: number }>({
 *   dataType: 'point',
 *   fromDriver: (text) => { const [x, y] = text.slice(1, -1).split(',').map(Number); return { x: x!, y: y! } },
 *   toDriver: (p) => `(${p.x},${p.y})`,
 * })
 * export const places = table('places', { location: point().notNull() })
 */
export function customType<T>(definition: CustomTypeDefinition<T>): (name?: string) => Column<T> {
  const dataType = definition.dataType.trim()
  if (dataType === '') throw new TypeError('customType() needs a dataType')
  const toDriver = definition.toDriver
  const type = pgType(dataType, 'custom', {
    decode: definition.fromDriver,
    encode:
      toDriver === undefined
        ? undefined
        : (value) => (value === null || value === undefined ? null : toDriver(value as T)),
  })
  return (name) => column(type, name)
}
