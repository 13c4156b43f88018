import type { ColumnModel, CompositeTypeModel, DomainModel, EnumModel } from '../../../model/types.js'
import { type AnyColumn, column as columnOf } from '../../../schema/column.js'
import type { ColumnType } from '../../../schema/column-type.js'
import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import { bytea, json, jsonb } from '../dsl/columns/binary-and-json.js'
import {
  date,
  type IntervalFields,
  interval,
  time,
  timestamp,
  timestamptz,
  timetz,
} from '../dsl/columns/datetime.js'
import { bigint, doublePrecision, integer, numeric, real, smallint } from '../dsl/columns/numbers.js'
import { boolean, char, cidr, inet, macaddr, text, uuid, varchar } from '../dsl/columns/text.js'
import { compositeType } from '../dsl/composite-type.js'
import { customType } from '../dsl/custom-type.js'
import { domain } from '../dsl/domain.js'
import { enumType } from '../dsl/enum-type.js'
import { qualifiedName } from '../grammar/quote.js'

type Options = Readonly<Record<string, string | number>>
type Builder = (options: Options) => AnyColumn

/**
 * The tidemark/pg column factories a type can be spelled with, by their exported name. Options come
 * from the printed type; a wrong one is caught when the built column is compared with it.
 */
const BUILDERS: Readonly<Record<string, Builder>> = {
  smallint: () => smallint(),
  integer: () => integer(),
  bigint: () => bigint(),
  real: () => real(),
  doublePrecision: () => doublePrecision(),
  boolean: () => boolean(),
  text: () => text(),
  uuid: () => uuid(),
  json: () => json(),
  jsonb: () => jsonb(),
  bytea: () => bytea(),
  inet: () => inet(),
  cidr: () => cidr(),
  macaddr: () => macaddr(),
  date: () => date(),
  varchar: (o) => varchar(o),
  char: (o) => char(o),
  numeric: (o) => numeric(o),
  timestamp: (o) => timestamp(o),
  timestamptz: (o) => timestamptz(o),
  time: (o) => time(o),
  timetz: (o) => timetz(o),
  interval: (o) => interval(o as { fields?: IntervalFields; precision?: number }),
}

const SIMPLE: Readonly<Record<string, string>> = {
  smallint: 'smallint',
  integer: 'integer',
  bigint: 'bigint',
  real: 'real',
  'double precision': 'doublePrecision',
  boolean: 'boolean',
  text: 'text',
  uuid: 'uuid',
  json: 'json',
  jsonb: 'jsonb',
  bytea: 'bytea',
  inet: 'inet',
  cidr: 'cidr',
  macaddr: 'macaddr',
  date: 'date',
}

const INTERVAL_FIELDS =
  'year to month|day to hour|day to minute|day to second|hour to minute|hour to second|minute to second|year|month|day|hour|minute|second'
const INTERVAL = new RegExp(`^interval(?: (${INTERVAL_FIELDS}))?(?:\\((\\d+)\\))?$`)

/** How a column's type is written: the factory, its options, and the type it builds (for checks). */
export interface TypeSpelling {
  readonly factory: {
    readonly kind: 'builder' | 'enum' | 'domain' | 'composite' | 'custom'
    readonly name: string
  }
  readonly options: readonly JsProperty[]
  readonly dimensions: number
  /** The built column's type, to check defaults against. */
  readonly type: ColumnType
}

/** What the module declares that types refer to: enum, domain and composite variables, and custom types by data type. */
export interface TypeContext {
  enumVariable(e: EnumModel): string
  domainVariable(d: DomainModel): string
  compositeVariable(t: CompositeTypeModel): string
  customVariable(dataType: string): string
  readonly enums: readonly EnumModel[]
  readonly domains: readonly DomainModel[]
  readonly compositeTypes: readonly CompositeTypeModel[]
}

/** A type as format_type() prints it, as the column spelling takes it (one `[]` for any array). */
export function typeAsColumn(type: string): ColumnModel {
  return {
    name: '',
    type,
    dimensions: type.endsWith('[]') ? 1 : 0,
    notNull: false,
    default: null,
    identity: null,
    generated: null,
    collation: null,
    comment: null,
  }
}

/**
 * The spelling of a column's type. A tidemark/pg factory or an enum is used only when building it
 * gives back exactly the type PostgreSQL printed; anything else becomes a `customType`.
 */
export function spellType(column: ColumnModel, context: TypeContext): TypeSpelling {
  const base = column.dimensions > 0 ? column.type.replace(/\[\]$/, '') : column.type
  const withArrays = (built: AnyColumn): AnyColumn => {
    let result = built
    for (let i = 0; i < column.dimensions; i++) result = result.array()
    return result
  }
  const matches = (built: AnyColumn): boolean =>
    built.config.type.sql === column.type && built.config.type.dimensions === column.dimensions

  const builder = builderFor(base)
  if (builder !== undefined) {
    const built = tryBuild(() => withArrays(BUILDERS[builder.name]!(builder.options)))
    if (built !== undefined && matches(built)) {
      const options = Object.entries(builder.options).map(([key, value]) => ({
        key,
        value: typeof value === 'number' ? js.literal(String(value)) : js.string(value),
      }))
      return {
        factory: { kind: 'builder', name: builder.name },
        options,
        dimensions: column.dimensions,
        type: built.config.type,
      }
    }
  }
  const e = context.enums.find((candidate) => qualifiedName(candidate.schema, candidate.name) === base)
  if (e !== undefined) {
    const built = tryBuild(() => withArrays(enumType(e.name, e.values, { schema: e.schema })()))
    if (built !== undefined && matches(built)) {
      return {
        factory: { kind: 'enum', name: context.enumVariable(e) },
        options: [],
        dimensions: column.dimensions,
        type: built.config.type,
      }
    }
  }
  const d = context.domains.find((candidate) => qualifiedName(candidate.schema, candidate.name) === base)
  if (d !== undefined) {
    const baseType = spellType(typeAsColumn(d.type), context).type
    const built = tryBuild(() => withArrays(domain(d.name, columnOf(baseType), { schema: d.schema })()))
    if (built !== undefined && matches(built)) {
      return {
        factory: { kind: 'domain', name: context.domainVariable(d) },
        options: [],
        dimensions: column.dimensions,
        type: built.config.type,
      }
    }
  }
  const t = context.compositeTypes.find(
    (candidate) => qualifiedName(candidate.schema, candidate.name) === base,
  )
  if (t !== undefined) {
    const built = tryBuild(() => withArrays(compositeType(t.name, {}, { schema: t.schema })()))
    if (built !== undefined && matches(built)) {
      return {
        factory: { kind: 'composite', name: context.compositeVariable(t) },
        options: [],
        dimensions: column.dimensions,
        type: built.config.type,
      }
    }
  }
  const built = withArrays(customType<string>({ dataType: base })())
  return {
    factory: { kind: 'custom', name: context.customVariable(base) },
    options: [],
    dimensions: column.dimensions,
    type: built.config.type,
  }
}

/** `varchar('created_by', { length: 40 }).array()`: the factory call, with the SQL name when it differs from the key. */
export function typeCall(spelling: TypeSpelling, sqlName: string | undefined): JsNode {
  const args: JsNode[] = []
  if (sqlName !== undefined) args.push(js.string(sqlName))
  if (spelling.options.length > 0) args.push(js.object(spelling.options))
  let node = js.call(spelling.factory.name, args)
  for (let i = 0; i < spelling.dimensions; i++) node = js.method(node, 'array')
  return node
}

function builderFor(base: string): { name: string; options: Options } | undefined {
  const simple = SIMPLE[base]
  if (simple !== undefined) return { name: simple, options: {} }
  let m = /^character varying(?:\((\d+)\))?$/.exec(base)
  if (m !== null) return { name: 'varchar', options: m[1] === undefined ? {} : { length: Number(m[1]) } }
  m = /^character\((\d+)\)$/.exec(base)
  if (m !== null) return { name: 'char', options: m[1] === '1' ? {} : { length: Number(m[1]) } }
  m = /^numeric(?:\((\d+),(-?\d+)\))?$/.exec(base)
  if (m !== null) {
    if (m[1] === undefined) return { name: 'numeric', options: {} }
    const scale = Number(m[2])
    return {
      name: 'numeric',
      options: scale === 0 ? { precision: Number(m[1]) } : { precision: Number(m[1]), scale },
    }
  }
  m = /^(timestamp|time)(?:\((\d+)\))? with(out)? time zone$/.exec(base)
  if (m !== null) {
    const name = `${m[1]}${m[3] === undefined ? 'tz' : ''}`
    return { name, options: m[2] === undefined ? {} : { precision: Number(m[2]) } }
  }
  m = INTERVAL.exec(base)
  if (m !== null) {
    const options: Record<string, string | number> = {}
    if (m[1] !== undefined) options.fields = m[1]
    if (m[2] !== undefined) options.precision = Number(m[2])
    return { name: 'interval', options }
  }
  return undefined
}

function tryBuild(build: () => AnyColumn): AnyColumn | undefined {
  try {
    return build()
  } catch {
    return undefined
  }
}
