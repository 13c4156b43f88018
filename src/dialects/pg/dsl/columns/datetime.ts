import { type Column, column } from '../../../../schema/column.js'
import { formatDate, formatTimestamp, parseDate, parseTimestamp } from '../../codec/datetime.js'
import { encodeParam } from '../../codec/encode.js'
import { pgType } from '../pg-type.js'
import { checkTypmod, nameAndOptions } from './arguments.js'

/** `date` mode gives JS Date objects; `string` mode gives the text exactly as PostgreSQL prints it. */
export type DateTimeMode = 'date' | 'string'
type DateTimeValue<M extends DateTimeMode> = M extends 'string' ? string : Date

interface TimestampOptions<M extends DateTimeMode> {
  /** Fractional digits of the seconds, 0 to 6. */
  readonly precision?: number
  readonly withTimezone?: boolean
  readonly mode?: M
}

function encodeDateTime(withZone: boolean) {
  return (value: unknown): string | null =>
    value instanceof Date ? formatTimestamp(value, withZone) : encodeParam(value)
}

function timestampColumn<M extends DateTimeMode>(
  withZoneDefault: boolean,
  nameOrOptions: string | TimestampOptions<M> | undefined,
  options: TimestampOptions<M> | undefined,
): Column<DateTimeValue<M>> {
  const { name, options: o } = nameAndOptions(nameOrOptions, options)
  checkTypmod('timestamp', 'precision', o.precision, 0, 6)
  const withZone = o.withTimezone ?? withZoneDefault
  const sql = `timestamp${o.precision === undefined ? '' : `(${o.precision})`} with${withZone ? '' : 'out'} time zone`
  const family = withZone ? 'timestamptz' : 'timestamp'
  const decode = o.mode === 'string' ? undefined : parseTimestamp
  const mode = o.mode ?? 'date'
  return column(pgType(sql, family, { decode, encode: encodeDateTime(withZone) }, { mode }), name)
}

/**
 * timestamp (without time zone) by default, `{ withTimezone: true }` for timestamptz. In `date` mode
 * a timestamp without time zone is read and written as UTC.
 */
export function timestamp<M extends DateTimeMode = 'date'>(
  nameOrOptions?: string | TimestampOptions<M>,
  options?: TimestampOptions<M>,
): Column<DateTimeValue<M>> {
  return timestampColumn(false, nameOrOptions, options)
}

/** timestamptz (`timestamp with time zone`): an instant, the type to use for most times. */
export function timestamptz<M extends DateTimeMode = 'date'>(
  nameOrOptions?: string | Omit<TimestampOptions<M>, 'withTimezone'>,
  options?: Omit<TimestampOptions<M>, 'withTimezone'>,
): Column<DateTimeValue<M>> {
  return timestampColumn(true, nameOrOptions, options)
}

interface DateOptions<M extends DateTimeMode> {
  readonly mode?: M
}

/** date, typed `string` ('2024-05-01') by default, or a Date at UTC midnight with `{ mode: 'date' }`. */
export function date<M extends DateTimeMode = 'string'>(
  nameOrOptions?: string | DateOptions<M>,
  options?: DateOptions<M>,
): Column<DateTimeValue<M>> {
  const { name, options: o } = nameAndOptions(nameOrOptions, options)
  const encode = (value: unknown) => (value instanceof Date ? formatDate(value) : encodeParam(value))
  const mode = o.mode ?? 'string'
  const decode = mode === 'date' ? parseDate : undefined
  return column(pgType('date', 'date', { decode, encode }, { mode }), name)
}

interface TimeOptions {
  readonly precision?: number
  readonly withTimezone?: boolean
}

/** time (without time zone) or `{ withTimezone: true }` for timetz; typed `string` ('13:45:00'). */
export function time(nameOrOptions?: string | TimeOptions, options?: TimeOptions): Column<string> {
  const { name, options: o } = nameAndOptions(nameOrOptions, options)
  checkTypmod('time', 'precision', o.precision, 0, 6)
  const withZone = o.withTimezone ?? false
  const sql = `time${o.precision === undefined ? '' : `(${o.precision})`} with${withZone ? '' : 'out'} time zone`
  return column(pgType(sql, withZone ? 'timetz' : 'time'), name)
}

/** timetz (`time with time zone`), typed `string`. */
export function timetz(
  nameOrOptions?: string | Omit<TimeOptions, 'withTimezone'>,
  options?: Omit<TimeOptions, 'withTimezone'>,
): Column<string> {
  const { name, options: o } = nameAndOptions(nameOrOptions, options)
  return time(name, { ...o, withTimezone: true })
}

/** The field restrictions an interval column may declare. */
export type IntervalFields =
  | 'year'
  | 'month'
  | 'day'
  | 'hour'
  | 'minute'
  | 'second'
  | 'year to month'
  | 'day to hour'
  | 'day to minute'
  | 'day to second'
  | 'hour to minute'
  | 'hour to second'
  | 'minute to second'

interface IntervalOptions {
  readonly fields?: IntervalFields
  /** Fractional digits of the seconds (only with no fields or fields ending in second). */
  readonly precision?: number
}

/** interval, typed `string` as PostgreSQL prints it ('1 day 02:00:00'). */
export function interval(
  nameOrOptions?: string | IntervalOptions,
  options?: IntervalOptions,
): Column<string> {
  const { name, options: o } = nameAndOptions(nameOrOptions, options)
  checkTypmod('interval', 'precision', o.precision, 0, 6)
  if (o.precision !== undefined && o.fields !== undefined && !o.fields.endsWith('second')) {
    throw new RangeError(`interval precision needs fields ending in second, got '${o.fields}'`)
  }
  const sql = `interval${o.fields === undefined ? '' : ` ${o.fields}`}${o.precision === undefined ? '' : `(${o.precision})`}`
  return column(pgType(sql, 'interval'), name)
}
