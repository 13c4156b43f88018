import { TidemarkError } from '../errors.js'
import type { ExprNode } from '../query/ast.js'
import { decoderOf, isOperand } from '../query/expr.js'
import { OrderBy, orderNode } from '../query/order.js'
import { byServerType } from '../query/row-mapper.js'
import type { AnyColumn } from '../schema/column.js'
import type { TypeFamily } from '../schema/column-type.js'
import { IndexElement } from '../schema/indexes.js'
import { type AnyTable, tableDefinition } from '../schema/table.js'
import { type RelationGraph, relationOf } from './graph.js'
import type { JsonRead, LevelChild, LevelColumn, LevelExtra, LevelNode } from './level.js'

/** A find config as it arrives at run time (the types check it at compile time). */
export interface RawFindConfig {
  readonly columns?: Readonly<Record<string, boolean | undefined>>
  readonly extras?: Readonly<Record<string, unknown>>
  readonly where?: unknown
  readonly orderBy?: unknown
  readonly limit?: number
  readonly offset?: number
  readonly with?: Readonly<Record<string, true | RawFindConfig | undefined>>
}

const configKeys = new Set(['columns', 'extras', 'where', 'orderBy', 'limit', 'offset', 'with'])

// Types whose JSON form is already the value the column's decoder would give.
const nativeFamilies = new Set<TypeFamily>([
  'smallint',
  'integer',
  'boolean',
  'text',
  'character varying',
  'character',
  'uuid',
  'enum',
  'json',
  'jsonb',
])

function jsonRead(column: AnyColumn): JsonRead {
  const family = column.config.type.family
  if (nativeFamilies.has(family)) return 'native'
  // JSON numbers, except NaN and the infinities, which to_json writes as strings.
  if (family === 'real' || family === 'double precision') return 'number'
  return 'text'
}

/** Turns a find config into the level tree the compiler and the decoder share. */
export function buildLevelTree(
  graph: RelationGraph,
  table: AnyTable,
  config: RawFindConfig | undefined,
  first: boolean,
): LevelNode {
  let aliases = 0
  const level = (
    current: AnyTable,
    raw: RawFindConfig | undefined,
    path: string,
    top: boolean,
  ): LevelNode => {
    const relations = graph.get(current)
    if (relations === undefined) throw new TidemarkError(`${path} is not a table of the schema`)
    const config = raw ?? {}
    if (typeof config !== 'object' || config === null) {
      throw new TidemarkError(`${path}: expected true or a config object, got ${JSON.stringify(config)}`)
    }
    for (const key of Object.keys(config)) {
      if (!configKeys.has(key)) {
        throw new TidemarkError(`${path}: unknown option '${key}' (options: ${[...configKeys].join(', ')})`)
      }
    }
    const alias = `t${aliases++}`
    const columns = chooseColumns(current, config.columns, path)
    const taken = new Set(columns.map((c) => c.key))
    const claim = (key: string, what: string) => {
      if (taken.has(key))
        throw new TidemarkError(`${path}: ${what} '${key}' has the name of another field of the row`)
      taken.add(key)
    }
    const extras: LevelExtra[] = []
    for (const [key, expr] of Object.entries(config.extras ?? {})) {
      if (!isOperand(expr))
        throw new TidemarkError(`${path}: extra '${key}' must be an expression (sql\`...\`, count(), ...)`)
      claim(key, 'extra')
      const decode = decoderOf(expr)
      extras.push({ key, expr, decode: decode === byServerType ? undefined : decode })
    }
    const children: LevelChild[] = []
    for (const [key, value] of Object.entries(config.with ?? {})) {
      if (value === undefined || (value as unknown) === false) continue
      if (value !== true && !isPlainObject(value)) {
        throw new TidemarkError(`${path}.${key}: expected true or a config object, got ${describe(value)}`)
      }
      const relation = relationOf(relations, key, path)
      claim(key, 'relation')
      const childConfig = value === true ? undefined : value
      if (
        relation.kind === 'one' &&
        childConfig !== undefined &&
        (childConfig.limit !== undefined || childConfig.offset !== undefined)
      ) {
        throw new TidemarkError(
          `${path}.${key} is a one-relation: limit and offset apply to many-relations only`,
        )
      }
      children.push({ key, relation, level: level(relation.target, childConfig, `${path}.${key}`, false) })
    }
    const limit = first && top ? 1 : count(config.limit, `${path}: limit`)
    const offset = count(config.offset, `${path}: offset`)
    return {
      table: current,
      alias,
      columns,
      extras,
      where: condition(config.where, path),
      orderBy: orderItems(config.orderBy, path),
      limit: limit === undefined ? undefined : param(limit),
      offset: offset === undefined ? undefined : param(offset),
      children,
    }
  }
  return level(table, config, graph.get(table)?.key ?? 'table', true)
}

function chooseColumns(
  table: AnyTable,
  chosen: Readonly<Record<string, boolean | undefined>> | undefined,
  path: string,
): LevelColumn[] {
  const all = table[tableDefinition].columns
  const entries = Object.entries(all)
  if (chosen === undefined) return entries.map(([key, column]) => ({ key, column, read: jsonRead(column) }))
  if (!isPlainObject(chosen)) throw new TidemarkError(`${path}: columns must be an object of true / false`)
  for (const [key, value] of Object.entries(chosen)) {
    if (value !== undefined && typeof value !== 'boolean') {
      throw new TidemarkError(`${path}: columns.${key} must be true or false, got ${describe(value)}`)
    }
    if (!Object.hasOwn(all, key)) {
      throw new TidemarkError(`${path} has no column '${key}' (columns: ${Object.keys(all).join(', ')})`)
    }
  }
  // Any true: only those; otherwise every column but the false ones.
  const include = Object.values(chosen).some((value) => value === true)
  return entries
    .filter(([key]) => (include ? chosen[key] === true : chosen[key] !== false))
    .map(([key, column]) => ({ key, column, read: jsonRead(column) }))
}

function count(value: unknown, label: string): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    // String() for numbers: JSON.stringify writes NaN and the infinities as null.
    const got = typeof value === 'number' ? String(value) : JSON.stringify(value)
    throw new TidemarkError(`${label} must be a non-negative integer, got ${got}`)
  }
  return value
}

function param(value: number): ExprNode {
  return { kind: 'param', value, encode: undefined }
}

function condition(where: unknown, path: string): ExprNode | undefined {
  if (where === undefined) return undefined
  if (!isOperand(where))
    throw new TidemarkError(`${path}: where must be a condition (eq(...), and(...), sql\`...\`)`)
  return where
}

function orderItems(orderBy: unknown, path: string) {
  if (orderBy === undefined) return []
  return (Array.isArray(orderBy) ? orderBy : [orderBy]).map((item) => {
    if (!(isOperand(item) || item instanceof OrderBy || item instanceof IndexElement)) {
      throw new TidemarkError(
        `${path}: orderBy takes columns, expressions, asc() or desc(), got ${describe(item)}`,
      )
    }
    return orderNode(item)
  })
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : typeof value
}
