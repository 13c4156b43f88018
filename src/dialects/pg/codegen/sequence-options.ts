import type { SequenceModel } from '../../../model/types.js'
import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import { sequenceNumbers } from '../grammar/sequence-numbers.js'

type Numbers = Pick<SequenceModel, 'start' | 'increment' | 'minValue' | 'maxValue' | 'cache' | 'cycle'>
type NumberKey = Exclude<keyof Numbers, 'cycle'>

/**
 * The fewest sequence options that give back these numbers once PostgreSQL's defaults are filled
 * in: `{ start: 1000, cache: 10 }` rather than all seven. Numbers beyond 2^53 are written as
 * strings, so they never pass through a JS number.
 */
export function sequenceOptions(type: SequenceModel['type'], numbers: Numbers): JsProperty[] {
  const chosen: Partial<Record<NumberKey, string>> = {}
  const defaults = () => sequenceNumbers(type, { ...chosen, cycle: numbers.cycle })
  try {
    if (numbers.increment !== '1') chosen.increment = numbers.increment
    const bounds = defaults()
    if (bounds.minValue !== numbers.minValue) chosen.minValue = numbers.minValue
    if (bounds.maxValue !== numbers.maxValue) chosen.maxValue = numbers.maxValue
    if (defaults().start !== numbers.start) chosen.start = numbers.start
    if (numbers.cache !== '1') chosen.cache = numbers.cache
    const result = defaults()
    if (
      (['start', 'increment', 'minValue', 'maxValue', 'cache'] as const).some((k) => result[k] !== numbers[k])
    ) {
      throw new Error('the defaults do not reproduce the sequence')
    }
  } catch {
    Object.assign(chosen, {
      start: numbers.start,
      increment: numbers.increment,
      minValue: numbers.minValue,
      maxValue: numbers.maxValue,
      cache: numbers.cache,
    })
  }
  const order: NumberKey[] = ['start', 'increment', 'minValue', 'maxValue', 'cache']
  const properties: JsProperty[] = order
    .filter((key) => chosen[key] !== undefined)
    .map((key) => ({ key, value: exactNumber(chosen[key]!) }))
  if (numbers.cycle) properties.push({ key: 'cycle', value: js.literal('true') })
  return properties
}

/** A decimal integer as a number literal when it is exact as a JS number, else as a string. */
export function exactNumber(decimal: string): JsNode {
  const value = Number(decimal)
  return Number.isSafeInteger(value) && String(value) === decimal ? js.literal(decimal) : js.string(decimal)
}
