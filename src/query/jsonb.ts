import { sql } from '../sql/sql.js'
import { stringifyJson } from '../util/json-text.js'
import { type Condition, Expr, type SourcesOf, type TypedOperand } from './expr.js'

type JsonOperand = TypedOperand<unknown>

// One array parameter; the dialect writes the array from the keys, which are their own text.
const textArray = (keys: readonly string[]) => sql.param(keys, (_value, codec) => codec.array(keys))

/** `json -> key`: a field (or array element) as jsonb, decoded as JSON. */
export function jsonbGet<J extends JsonOperand>(json: J, key: string | number): Expr<unknown, SourcesOf<J>> {
  return new Expr(typeof key === 'number' ? sql`(${json} -> ${key}::int)` : sql`(${json} -> ${key}::text)`)
}

/** `json ->> key`: a field (or array element) as text. */
export function jsonbGetText<J extends JsonOperand>(
  json: J,
  key: string | number,
): Expr<string | null, SourcesOf<J>> {
  return new Expr(typeof key === 'number' ? sql`(${json} ->> ${key}::int)` : sql`(${json} ->> ${key}::text)`)
}

/** `json #>> path`: the value at a path of keys, as text. */
export function jsonbPathText<J extends JsonOperand>(
  json: J,
  path: readonly string[],
): Expr<string | null, SourcesOf<J>> {
  return new Expr(sql`(${json} #>> ${textArray(path)}::text[])`)
}

/** `json @> value`: the document contains the given JSON (keys and values, at any depth). */
export function jsonbContains<J extends JsonOperand>(json: J, value: unknown): Condition<SourcesOf<J>> {
  return new Expr(sql`${json} @> ${sql.param(value, stringifyJson)}::jsonb`)
}

/** `json <@ value`: the document is contained in the given JSON. */
export function jsonbContainedBy<J extends JsonOperand>(json: J, value: unknown): Condition<SourcesOf<J>> {
  return new Expr(sql`${json} <@ ${sql.param(value, stringifyJson)}::jsonb`)
}

/** `json ? key`: the key exists at the top level. */
export function jsonbHasKey<J extends JsonOperand>(json: J, key: string): Condition<SourcesOf<J>> {
  return new Expr(sql`${json} ? ${key}::text`)
}

/** `json ?| keys`: any of the keys exists. */
export function jsonbHasAnyKey<J extends JsonOperand>(
  json: J,
  keys: readonly string[],
): Condition<SourcesOf<J>> {
  return new Expr(sql`${json} ?| ${textArray(keys)}::text[]`)
}

/** `json ?& keys`: all of the keys exist. */
export function jsonbHasAllKeys<J extends JsonOperand>(
  json: J,
  keys: readonly string[],
): Condition<SourcesOf<J>> {
  return new Expr(sql`${json} ?& ${textArray(keys)}::text[]`)
}
