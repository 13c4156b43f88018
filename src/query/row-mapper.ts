import { setOwnProperty } from '../util/own-property.js'
import type { Decoder, FieldNode } from './ast.js'

/** A result as the driver returned it: type OIDs per column, text values per row. */
export interface RawRows {
  readonly fields: readonly { readonly typeOid: number }[]
  readonly rows: readonly (readonly (string | null)[])[]
}

/** The dialect's decoder for a column by the type the server reports (see Dialect.decoderForType). */
export type TypeDecoders = (typeOid: number) => Decoder | undefined

/** Builds a query's result objects from the driver's text rows. */
export type RowMapper = (result: RawRows, byType: TypeDecoders) => unknown

/** Marks a field whose text is its value (a sum or an average, which a JS number could round). */
export const keepText: Decoder = (text) => text

/** Marks a field decoded by the type the server reports (a `sql` field, a subquery column of one). */
export const byServerType: Decoder = (text) => text

// null: keep the text; undefined: decide from the server's type OID.
type Slot = Decoder | null | undefined

function slotOf(decode: Decoder | undefined): Slot {
  if (decode === undefined || decode === byServerType) return undefined
  return decode === keepText ? null : decode
}

function resolveSlots(slots: readonly Slot[], result: RawRows, byType: TypeDecoders): readonly Slot[] {
  if (!slots.includes(undefined)) return slots
  return slots.map((slot, i) =>
    slot === undefined ? (byType(result.fields[i]?.typeOid ?? 0) ?? null) : slot,
  )
}

const flatMappers = new WeakMap<readonly FieldNode[], RowMapper>()

/**
 * The mapper for a list of fields. A flat selection (every path one key long) takes a tight loop
 * over precomputed keys and decoders, cached per field list; nested selections build the tree.
 */
export function rowMapper(fields: readonly FieldNode[], nullable: readonly string[]): RowMapper {
  let mapper = flatMappers.get(fields)
  if (mapper !== undefined) return mapper
  const flat = fields.every((field) => field.path.length === 1)
  if (!flat) return nestedMapper(fields, nullable)
  mapper = flatMapper(fields)
  flatMappers.set(fields, mapper)
  return mapper
}

function flatMapper(fields: readonly FieldNode[]): RowMapper {
  const keys = fields.map((field) => field.path[0]!)
  const slots = fields.map((field) => slotOf(field.decode))
  const n = keys.length
  // A key named __proto__ must become a plain property, not replace the row's prototype.
  const set = keys.includes('__proto__') ? setOwnProperty : assign
  return (result, byType) => {
    const decoders = resolveSlots(slots, result, byType)
    const rows = result.rows
    const out: unknown[] = new Array(rows.length)
    for (let r = 0; r < rows.length; r++) {
      const raw = rows[r]!
      const row: Record<string, unknown> = {}
      for (let i = 0; i < n; i++) {
        const text = raw[i] ?? null
        const decode = decoders[i]
        set(row, keys[i]!, text === null || decode == null ? text : decode(text))
      }
      out[r] = row
    }
    return out
  }
}

function assign(row: Record<string, unknown>, key: string, value: unknown): void {
  row[key] = value
}

interface Branch {
  readonly key: string
  /** Leaf: the column index; branch: its children. */
  readonly index: number
  readonly children: Branch[]
  /** A table selected as a whole from an outer-joined source: null when all its values are. */
  readonly nullable: boolean
}

function nestedMapper(fields: readonly FieldNode[], nullable: readonly string[]): RowMapper {
  const root: Branch = { key: '', index: -1, children: [], nullable: false }
  fields.forEach((field, index) => {
    let branch = root
    field.path.forEach((key, depth) => {
      const last = depth === field.path.length - 1
      let child = branch.children.find((c) => c.key === key)
      if (child === undefined || last) {
        const groupEnds = depth === field.path.length - 2 && field.group !== undefined
        child = {
          key,
          index: last ? index : -1,
          children: [],
          nullable: groupEnds && nullable.includes(field.group!),
        }
        branch.children.push(child)
      }
      branch = child
    })
  })
  const slots = fields.map((field) => slotOf(field.decode))
  const build = (branch: Branch, raw: readonly (string | null)[], decoders: readonly Slot[]): unknown => {
    if (branch.index >= 0) {
      const text = raw[branch.index] ?? null
      const decode = decoders[branch.index]
      return text === null || decode == null ? text : decode(text)
    }
    const object: Record<string, unknown> = {}
    let allNull = true
    for (const child of branch.children) {
      const value = build(child, raw, decoders)
      if (value !== null) allNull = false
      setOwnProperty(object, child.key, value)
    }
    return branch.nullable && allNull ? null : object
  }
  return (result, byType) => {
    const decoders = resolveSlots(slots, result, byType)
    return result.rows.map((raw) => build(root, raw, decoders))
  }
}
