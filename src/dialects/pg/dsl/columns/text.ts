import { type Column, column } from '../../../../schema/column.js'
import { parseBool } from '../../codec/scalars.js'
import { pgType } from '../pg-type.js'
import { checkTypmod, nameAndOptions } from './arguments.js'

interface LengthOptions {
  readonly length?: number
}

const textType = pgType('text', 'text')
const uuidType = pgType('uuid', 'uuid')
const booleanType = pgType('boolean', 'boolean', { decode: parseBool })

/** text, typed `string`. */
export function text(name?: string): Column<string> {
  return column(textType, name)
}

/** varchar(n) (`character varying`), or unbounded without a length; typed `string`. */
export function varchar(nameOrOptions?: string | LengthOptions, options?: LengthOptions): Column<string> {
  const { name, options: o } = nameAndOptions(nameOrOptions, options)
  checkTypmod('varchar', 'length', o.length, 1, 10485760)
  const sql = o.length === undefined ? 'character varying' : `character varying(${o.length})`
  return column(pgType(sql, 'character varying'), name)
}

/** char(n) (`character`, blank-padded; length 1 when not given), typed `string`. */
export function char(nameOrOptions?: string | LengthOptions, options?: LengthOptions): Column<string> {
  const { name, options: o } = nameAndOptions(nameOrOptions, options)
  checkTypmod('char', 'length', o.length, 1, 10485760)
  return column(pgType(`character(${o.length ?? 1})`, 'character'), name)
}

/** uuid, typed `string` (lower-case, as PostgreSQL prints it). */
export function uuid(name?: string): Column<string> {
  return column(uuidType, name)
}

/** boolean, typed `boolean`. */
export function boolean(name?: string): Column<boolean> {
  return column(booleanType, name)
}

/** inet (host address with optional netmask), typed `string`. */
export function inet(name?: string): Column<string> {
  return column(pgType('inet', 'inet'), name)
}

/** cidr (network address), typed `string`. */
export function cidr(name?: string): Column<string> {
  return column(pgType('cidr', 'cidr'), name)
}

/** macaddr, typed `string`. */
export function macaddr(name?: string): Column<string> {
  return column(pgType('macaddr', 'macaddr'), name)
}
