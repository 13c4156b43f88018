/** Decoders and encoders of single values, shared by the default decoding and the column types. */

export const parseBool = (text: string): boolean => text === 't' || text === 'true'

// Number() reads PostgreSQL's 'NaN', 'Infinity' and '-Infinity' as the matching JS values.
export const parseNumber = (text: string): number => Number(text)

export const parseJson = (text: string): unknown => JSON.parse(text)

/** JSON text; a bigint becomes a string, which keeps every digit where a number would round. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
}
