import type { SequenceModel } from '../../../model/types.js'
import type { SequenceOptions } from '../../../schema/options.js'

type SequenceType = SequenceModel['type']
type SequenceNumbers = Pick<
  SequenceModel,
  'start' | 'increment' | 'minValue' | 'maxValue' | 'cache' | 'cycle'
>

const RANGES: Record<SequenceType, readonly [bigint, bigint]> = {
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  integer: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
}

function toBigInt(value: number | bigint | string, what: string): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`${what} ${value} is not an exact integer; pass a bigint or a decimal string`)
  }
  try {
    return BigInt(value)
  } catch {
    throw new RangeError(`${what} '${String(value)}' is not an integer`)
  }
}

/**
 * Fills in PostgreSQL's defaults for a sequence (or identity) and checks the result the way
 * CREATE SEQUENCE would. Numbers stay exact: they are computed as bigint and kept as strings.
 */
export function sequenceNumbers(type: SequenceType, options: Omit<SequenceOptions, 'name'>): SequenceNumbers {
  const [typeMin, typeMax] = RANGES[type]
  const increment = options.increment === undefined ? 1n : toBigInt(options.increment, 'increment')
  if (increment === 0n) throw new RangeError('increment must not be zero')
  const min =
    options.minValue === undefined ? (increment > 0n ? 1n : typeMin) : toBigInt(options.minValue, 'minValue')
  const max =
    options.maxValue === undefined ? (increment > 0n ? typeMax : -1n) : toBigInt(options.maxValue, 'maxValue')
  const start = options.start === undefined ? (increment > 0n ? min : max) : toBigInt(options.start, 'start')
  const cache = options.cache === undefined ? 1n : toBigInt(options.cache, 'cache')
  if (min < typeMin || max > typeMax) {
    throw new RangeError(`minValue and maxValue must lie within ${type} (${typeMin} to ${typeMax})`)
  }
  if (min >= max) throw new RangeError(`minValue (${min}) must be less than maxValue (${max})`)
  if (start < min || start > max)
    throw new RangeError(`start (${start}) must lie between minValue and maxValue`)
  if (cache < 1n) throw new RangeError('cache must be at least 1')
  return {
    start: start.toString(),
    increment: increment.toString(),
    minValue: min.toString(),
    maxValue: max.toString(),
    cache: cache.toString(),
    cycle: options.cycle ?? false,
  }
}
