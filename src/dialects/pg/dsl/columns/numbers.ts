import { type Column, column } from '../../../../schema/column.js'
import type { ColumnType } from '../../../../schema/column-type.js'
import { parseInt8AsBigInt, parseInt8AsNumber } from '../../codec/int8.js'
import { parseNumber } from '../../codec/scalars.js'
import { pgType } from '../pg-type.js'
import { checkTypmod, nameAndOptions } from './arguments.js'

const smallintType = pgType('smallint', 'smallint', { decode: parseNumber })
const integerType = pgType('integer', 'integer', { decode: parseNumber })
const realType = pgType('real', 'real', { decode: parseNumber })
const doubleType = pgType('double precision', 'double precision', { decode: parseNumber })

/** How a bigint (int8) value reaches JS: `number` (exact up to 2^53; a larger value is an error) or `bigint`. */
export type BigintMode = 'number' | 'bigint'
type BigintValue<M extends BigintMode> = M extends 'bigint' ? bigint : number
interface BigintOptions<M extends BigintMode> {
  readonly mode?: M
}

function bigintType(mode: BigintMode, serial?: 'bigint'): ColumnType {
  const decode = mode === 'bigint' ? parseInt8AsBigInt : parseInt8AsNumber
  return pgType('bigint', 'bigint', { decode }, serial === undefined ? { mode } : { serial, mode })
}

/** smallint (int2), typed `number`. */
export function smallint(name?: string): Column<number> {
  return column(smallintType, name)
}

/** integer (int4), typed `number`. */
export function integer(name?: string): Column<number> {
  return column(integerType, name)
}

/** bigint (int8), typed `number` by default or `bigint` with `{ mode: 'bigint' }`. */
export function bigint<M extends BigintMode = 'number'>(
  nameOrOptions?: string | BigintOptions<M>,
  options?: BigintOptions<M>,
): Column<BigintValue<M>> {
  const args = nameAndOptions(nameOrOptions, options)
  return column(bigintType(args.options.mode ?? 'number'), args.name)
}

type Serial<T> = Column<T, 'notNull' | 'default'>

// A serial's default (nextval of the sequence `<table>_<column>_seq` it owns) is derived from the
// table and column names when the schema model is built; the flags tell the type system it exists.
function serialColumn<T>(type: ColumnType, name: string | undefined): Serial<T> {
  return column<T>(type, name).notNull() as unknown as Serial<T>
}

/** smallserial: smallint NOT NULL with a default from an owned sequence `<table>_<column>_seq`. */
export function smallserial(name?: string): Serial<number> {
  return serialColumn(pgType('smallint', 'smallint', { decode: parseNumber }, { serial: 'smallint' }), name)
}

/** serial: integer NOT NULL with a default from an owned sequence `<table>_<column>_seq`. */
export function serial(name?: string): Serial<number> {
  return serialColumn(pgType('integer', 'integer', { decode: parseNumber }, { serial: 'integer' }), name)
}

/** bigserial: bigint NOT NULL with a default from an owned sequence; `number` or `bigint` mode. */
export function bigserial<M extends BigintMode = 'number'>(
  nameOrOptions?: string | BigintOptions<M>,
  options?: BigintOptions<M>,
): Serial<BigintValue<M>> {
  const args = nameAndOptions(nameOrOptions, options)
  return serialColumn(bigintType(args.options.mode ?? 'number', 'bigint'), args.name)
}

/** How a numeric value reaches JS: `string` (exact, the default), `number` or `bigint` (scale 0). */
export type NumericMode = 'string' | 'number' | 'bigint'
type NumericValue<M extends NumericMode> = M extends 'number' ? number : M extends 'bigint' ? bigint : string
interface NumericOptions<M extends NumericMode> {
  readonly precision?: number
  readonly scale?: number
  readonly mode?: M
}

/** numeric / numeric(p) / numeric(p, s), typed `string` by default so no digit is lost. */
export function numeric<M extends NumericMode = 'string'>(
  nameOrOptions?: string | NumericOptions<M>,
  options?: NumericOptions<M>,
): Column<NumericValue<M>> {
  const { name, options: o } = nameAndOptions(nameOrOptions, options)
  checkTypmod('numeric', 'precision', o.precision, 1, 1000)
  if (o.scale !== undefined && o.precision === undefined)
    throw new RangeError('numeric scale needs a precision')
  checkTypmod('numeric', 'scale', o.scale, -1000, 1000)
  const sql = o.precision === undefined ? 'numeric' : `numeric(${o.precision},${o.scale ?? 0})`
  if (o.mode === 'bigint' && (o.scale ?? 0) !== 0) throw new RangeError("numeric mode 'bigint' needs scale 0")
  const decode =
    o.mode === 'number' ? parseNumber : o.mode === 'bigint' ? wholeNumber : (text: string) => text
  return column(pgType(sql, 'numeric', { decode }, { mode: o.mode ?? 'string' }), name)
}

function wholeNumber(text: string): bigint {
  if (!/^-?\d+$/.test(text)) {
    throw new RangeError(
      `numeric value ${text} is not a whole number; bigint mode needs numeric(p, 0) values`,
    )
  }
  return BigInt(text)
}

/** real (float4), typed `number`. */
export function real(name?: string): Column<number> {
  return column(realType, name)
}

/** double precision (float8), typed `number`. */
export function doublePrecision(name?: string): Column<number> {
  return column(doubleType, name)
}
