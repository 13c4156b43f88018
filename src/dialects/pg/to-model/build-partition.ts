import type { PartitionKeyModel, PartitionOfModel } from '../../../model/types.js'
import type { AnyColumn } from '../../../schema/column.js'
import type { PartitionBound, PartitionBoundValue } from '../../../schema/partition-bound.js'
import { type TableDefinition, tableDefinition } from '../../../schema/table.js'
import type { PartitionBySpec, PartitionStrategy } from '../../../schema/table-extras.js'
import { SQL } from '../../../sql/sql.js'
import { formatTimestamp } from '../codec/datetime.js'
import { ddlExpression } from '../compiler/fragment.js'
import { quoteIdentIfNeeded } from '../grammar/quote.js'

type Fail = (problem: string, what?: string) => never

/**
 * The partition key as pg_get_partkeydef prints it between its brackets: columns quoted only where
 * PostgreSQL quotes them, so a key of plain columns compares equal to the catalog's text as it is.
 */
export function partitionKeyModel(
  specs: readonly PartitionBySpec[],
  nameOf: (column: AnyColumn, what: string) => string,
  fail: Fail,
): PartitionKeyModel | null {
  if (specs.length > 1) fail(`has ${specs.length} partitionBy() extras; a table takes at most one`)
  const spec = specs[0]
  if (spec === undefined) return null
  const key = spec.elements.map((element) => {
    if (!(element instanceof SQL)) return quoteIdentIfNeeded(nameOf(element, 'partition key'))
    const text = ddlExpression(element)
    if (text === '') fail('an expression of the partition key is empty', 'partition key')
    return text
  })
  if (spec.strategy === 'list' && key.length > 1) fail('a list partition key takes one column or expression')
  return { strategy: spec.strategy, key: key.join(', ') }
}

/** The parent and bound of a partition, the bound checked against the parent's strategy. */
export function partitionOfModel(def: TableDefinition, fail: Fail): PartitionOfModel | null {
  const of = def.partitionOf
  if (of === undefined) return null
  const parent = of.parent[tableDefinition]
  const parentKey = parent
    .extras()
    .flatMap(({ spec }) => (spec.kind === 'partitionBy' ? [spec] : []))
    .at(0)
  if (parentKey === undefined) {
    fail(`is a partition of ${parent.schema}.${parent.name}, which has no partitionBy()`)
  }
  return {
    schema: parent.schema,
    table: parent.name,
    bound: boundText(of.bound, parentKey!.strategy, parentKey!.elements.length, fail),
  }
}

function boundText(
  bound: PartitionBound,
  strategy: PartitionStrategy,
  keyLength: number,
  fail: Fail,
): string {
  const what = 'partition bound'
  if ('default' in bound) {
    if (bound.default !== true) fail('takes `default: true`', what)
    if (strategy === 'hash') fail('a hash-partitioned table has no default partition', what)
    return 'DEFAULT'
  }
  if ('from' in bound) {
    if (strategy !== 'range')
      fail(`{ from, to } is a range bound; the parent is partitioned by ${strategy}`, what)
    const edge = (value: PartitionBoundValue | readonly PartitionBoundValue[]): string => {
      const values = Array.isArray(value)
        ? (value as readonly PartitionBoundValue[])
        : [value as PartitionBoundValue]
      if (values.length !== keyLength) fail(`needs ${keyLength} value(s) per edge, one per key column`, what)
      return `(${values.map((v) => boundValue(v, fail)).join(', ')})`
    }
    return `FOR VALUES FROM ${edge(bound.from)} TO ${edge(bound.to)}`
  }
  if ('in' in bound) {
    if (strategy !== 'list') fail(`{ in } is a list bound; the parent is partitioned by ${strategy}`, what)
    if (bound.in.length === 0) fail('`in` lists no value', what)
    return `FOR VALUES IN (${bound.in.map((v) => (v === null ? 'NULL' : boundValue(v, fail))).join(', ')})`
  }
  if (strategy !== 'hash')
    fail(`{ modulus, remainder } is a hash bound; the parent is partitioned by ${strategy}`, what)
  const { modulus, remainder } = bound
  if (!Number.isSafeInteger(modulus) || modulus < 1) fail('modulus must be a positive integer', what)
  if (!Number.isSafeInteger(remainder) || remainder < 0 || remainder >= modulus) {
    fail('remainder must be an integer from 0 to modulus - 1', what)
  }
  return `FOR VALUES WITH (modulus ${modulus}, remainder ${remainder})`
}

/** Literals as PostgreSQL reads them whatever the key's type; a Date is an instant in UTC. */
function boundValue(value: PartitionBoundValue, fail: Fail): string {
  if (value instanceof SQL) return ddlExpression(value)
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail('a bound is an invalid Date', 'partition bound')
    return `'${formatTimestamp(value, true)}'`
  }
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`a bound number must be finite, got ${value}`, 'partition bound')
    return String(value)
  }
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`
  return fail(
    `a bound value must be a string, number, bigint, Date or sql, got ${typeof value}`,
    'partition bound',
  )
}
