import type { RawRows, RowMapper } from '../query/row-mapper.js'
import { setOwnProperty } from '../util/own-property.js'
import type { LevelNode } from './level.js'
import { JSON_ARGS_MAX } from './level.js'

type Read = (value: unknown) => unknown

const asIs: Read = (value) => value

/** Builds a level's objects from its JSON arrays: one reader per position, keys in the same order. */
function levelReader(level: LevelNode): (values: readonly unknown[]) => Record<string, unknown> {
  const keys: string[] = []
  const reads: Read[] = []
  for (const { key, column, read } of level.columns) {
    keys.push(key)
    const decode = column.config.type.decode
    if (read === 'native') reads.push(asIs)
    else if (read === 'number') reads.push((v) => (typeof v === 'string' ? decode(v) : v))
    else reads.push((v) => (v === null ? null : decode(v as string)))
  }
  for (const { key, decode } of level.extras) {
    keys.push(key)
    reads.push(decode === undefined ? asIs : (v) => (v === null ? null : decode(v as string)))
  }
  for (const child of level.children) {
    keys.push(child.key)
    reads.push(relationReader(child.relation.kind, levelReader(child.level)))
  }
  const chunked = keys.length > JSON_ARGS_MAX
  return objectBuilder(keys, reads, (values) => (chunked ? (values as unknown[][]).flat() : values))
}

function relationReader(kind: 'one' | 'many', read: (values: readonly unknown[]) => unknown): Read {
  if (kind === 'one') return (v) => (v === null ? null : read(v as unknown[]))
  return (v) => (v as unknown[][]).map(read)
}

function objectBuilder<V>(
  keys: readonly string[],
  reads: readonly Read[],
  positions: (values: V) => readonly unknown[],
): (values: V) => Record<string, unknown> {
  const n = keys.length
  // A key named __proto__ must become a plain property, not replace the row's prototype.
  const guarded = keys.includes('__proto__')
  return (raw) => {
    const values = positions(raw)
    const row: Record<string, unknown> = {}
    for (let i = 0; i < n; i++) {
      const value = reads[i]!(values[i] ?? null)
      if (guarded) setOwnProperty(row, keys[i]!, value)
      else row[keys[i]!] = value
    }
    return row
  }
}

/**
 * The mapper of a relational query's rows: root values arrive as the server's text (columns through
 * their decoders, JSON extras and relations parsed), nested ones inside the relations' JSON.
 */
export function relationalMapper(root: LevelNode, first: boolean): RowMapper {
  const keys: string[] = []
  const reads: Read[] = []
  for (const { key, column } of root.columns) {
    keys.push(key)
    const decode = column.config.type.decode
    reads.push((v) => (v === null ? null : decode(v as string)))
  }
  for (const { key, decode } of root.extras) {
    keys.push(key)
    const read = decode ?? JSON.parse
    reads.push((v) => (v === null ? null : read(v as string)))
  }
  for (const child of root.children) {
    keys.push(child.key)
    const read = relationReader(child.relation.kind, levelReader(child.level))
    reads.push((v) => (v === null ? null : read(JSON.parse(v as string))))
  }
  const build = objectBuilder<readonly (string | null)[]>(keys, reads, (values) => values)
  return (result: RawRows) => {
    if (first) return result.rows.length === 0 ? undefined : build(result.rows[0]!)
    return result.rows.map(build)
  }
}
