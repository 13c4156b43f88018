/** Decoders and encoders of single values, shared by the default decoding and the column types. */

export const parseBool = (text: string): boolean => text === 't' || text === 'true'

// Number() reads PostgreSQL's 'NaN', 'Infinity' and '-Infinity' as the matching JS values.
export const parseNumber = (text: string): number => Number(text)

export const parseJson = (text: string): unknown => JSON.parse(text)
