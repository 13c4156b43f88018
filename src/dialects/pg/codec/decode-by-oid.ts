import { parseArrayLiteral } from './array-literal.js'
import { parseBytea } from './bytea.js'
import { parseTimestamp } from './datetime.js'
import { parseBool, parseJson, parseNumber } from './scalars.js'

/**
 * Default decoding of result values by type OID, used when a query carries no column knowledge
 * (raw `sql` queries). int8 and numeric stay strings: lossless and JSON-safe; a column declared
 * in the schema can ask for a number or bigint instead. Types not listed stay the server's text,
 * except that arrays of the common text-like types (text, varchar, char, name, uuid) become arrays
 * of strings: a JS array is what anyone reading `array_agg(name)` expects.
 */

type Decoder = (text: string) => unknown

const keepText: Decoder = (text) => text

const scalarDecoders: Readonly<Record<number, Decoder>> = {
  16: parseBool,
  17: parseBytea,
  20: keepText,
  21: parseNumber,
  23: parseNumber,
  26: parseNumber,
  114: parseJson,
  700: parseNumber,
  701: parseNumber,
  1082: keepText,
  1114: parseTimestamp,
  1184: parseTimestamp,
  1700: keepText,
  3802: parseJson,
}

/** Array type OID to the OID of its element type. */
const arrayElementOids: Readonly<Record<number, number>> = {
  199: 114,
  1000: 16,
  1001: 17,
  1002: 18,
  1003: 19,
  1009: 25,
  1014: 1042,
  1015: 1043,
  1005: 21,
  1007: 23,
  1016: 20,
  1021: 700,
  1028: 26,
  1022: 701,
  1115: 1114,
  1182: 1082,
  1185: 1184,
  1231: 1700,
  2951: 2950,
  3807: 3802,
}

const arrayDecoders: Readonly<Record<number, Decoder>> = Object.fromEntries(
  Object.entries(arrayElementOids).map(([arrayOid, elementOid]) => {
    // Element types without a scalar decoder (the text-like ones) keep their text.
    const element = scalarDecoders[elementOid] ?? keepText
    return [arrayOid, (text: string) => parseArrayLiteral(text, element)]
  }),
)

/** The default decoder for a result column of this type, or undefined to keep the text. */
export function decoderForOid(oid: number): Decoder | undefined {
  return scalarDecoders[oid] ?? arrayDecoders[oid]
}
