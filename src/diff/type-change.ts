import type { ColumnModel } from '../model/types.js'

/**
 * How a column type change treats existing data:
 * - `in-place`: PostgreSQL only updates the catalog (varchar(20) to varchar(40) or text, numeric(10,2)
 *   to numeric(12,2), timestamp(0) to timestamp(3))
 * - `widening`: every value converts without loss, but the table is rewritten
 * - `narrowing`: the table is rewritten and values may not fit: the migration fails or values change
 */
export type TypeChange = 'in-place' | 'widening' | 'narrowing'

interface ParsedType {
  readonly base: string
  readonly modifiers: readonly number[]
  readonly suffix: string
}

/** `timestamp(3) with time zone` → base `timestamp`, modifiers [3], suffix `with time zone`. */
function parseType(type: string): ParsedType {
  const bare = type.replace(/(\[\])+$/, '')
  const withModifiers = /^([^(]*)\(([\d,\s]+)\)(.*)$/.exec(bare)
  if (withModifiers !== null) {
    const modifiers = withModifiers[2]!.split(',').map((part) => Number(part.trim()))
    return { base: withModifiers[1]!.trim(), modifiers, suffix: withModifiers[3]!.trim() }
  }
  const zoned = /^(timestamp|time) (with(?:out)? time zone)$/.exec(bare)
  if (zoned !== null) return { base: zoned[1]!, modifiers: [], suffix: zoned[2]! }
  return { base: bare, modifiers: [], suffix: '' }
}

const INTEGER_RANK: Record<string, number> = { smallint: 1, integer: 2, bigint: 3 }

/** Conversions that never lose a value, though PostgreSQL rewrites the table for them. */
function isLosslessConversion(from: ParsedType, to: ParsedType): boolean {
  const fromRank = INTEGER_RANK[from.base]
  const toRank = INTEGER_RANK[to.base]
  if (fromRank !== undefined && toRank !== undefined) return toRank >= fromRank
  if (fromRank !== undefined && to.base === 'numeric') {
    // numeric(p, s) holds every integer of p - s digits; bigint needs 19.
    if (to.modifiers.length === 0) return true
    const [precision = 0, scale = 0] = to.modifiers
    return precision - scale >= [0, 5, 10, 19][fromRank]!
  }
  if ((fromRank === 1 || fromRank === 2) && to.base === 'double precision') return true
  if (from.base === 'smallint' && to.base === 'real') return true
  if (from.base === 'real' && to.base === 'double precision') return true
  if (to.base === 'text' || (to.base === 'character varying' && to.modifiers.length === 0)) return true
  return false
}

function sameBaseChange(from: ParsedType, to: ParsedType): TypeChange {
  const [fromFirst] = from.modifiers
  const [toFirst] = to.modifiers
  switch (from.base) {
    case 'character varying':
    case 'bit varying':
      if (toFirst === undefined) return 'in-place'
      return fromFirst !== undefined && toFirst >= fromFirst ? 'in-place' : 'narrowing'
    case 'numeric': {
      if (to.modifiers.length === 0) return 'in-place'
      if (from.modifiers.length === 0) return 'narrowing'
      const [fp = 0, fs = 0] = from.modifiers
      const [tp = 0, ts = 0] = to.modifiers
      if (ts === fs && tp >= fp) return 'in-place'
      return ts >= fs && tp - ts >= fp - fs ? 'widening' : 'narrowing'
    }
    case 'timestamp':
    case 'time':
    case 'interval': {
      const fromPrecision = fromFirst ?? 6
      const toPrecision = toFirst ?? 6
      return toPrecision >= fromPrecision ? 'in-place' : 'narrowing'
    }
    default:
      // character(n), bit(n) and the like pad or truncate: a longer one keeps every value.
      if (fromFirst !== undefined && toFirst !== undefined && toFirst >= fromFirst) return 'widening'
      return 'narrowing'
  }
}

export function classifyTypeChange(from: ColumnModel, to: ColumnModel): TypeChange {
  if (from.dimensions !== to.dimensions) return 'narrowing'
  // Only the collation changes: values stay as they are (indexes on the column are rebuilt).
  if (from.type === to.type) return 'in-place'
  const source = parseType(from.type)
  const target = parseType(to.type)
  if (source.base === target.base && source.suffix === target.suffix) return sameBaseChange(source, target)
  if (source.base === 'character varying' && target.base === 'text') return 'in-place'
  if (source.base === 'timestamp' && target.base === 'timestamp') return 'widening'
  return isLosslessConversion(source, target) ? 'widening' : 'narrowing'
}
