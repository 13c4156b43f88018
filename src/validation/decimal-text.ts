const decimalPattern = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/
const specialValues = new Set(['NaN', 'Infinity', '-Infinity'])

/**
 * Why a numeric value written as text does not fit numeric(precision, scale), or undefined when it
 * does. Digits PostgreSQL would round away count as too many: a validation schema refuses them
 * rather than let the database change the value silently.
 */
export function decimalProblem(
  text: string,
  precision: number | undefined,
  scale: number,
): string | undefined {
  if (specialValues.has(text)) {
    return precision === undefined || text === 'NaN' ? undefined : `must be a finite number`
  }
  const match = decimalPattern.exec(text)
  const whole = match?.[1] ?? ''
  const fraction = match?.[2] ?? ''
  if (match === null || whole.length + fraction.length === 0) return 'must be a decimal number'
  if (precision === undefined) return undefined
  const digits = whole + fraction
  const first = digits.search(/[1-9]/)
  if (first === -1) return undefined
  const point = whole.length + Number(match[3] ?? 0)
  const last = digits.length - 1 - [...digits].reverse().findIndex((digit) => digit !== '0')
  if (point - first > precision - scale) {
    return `must have at most ${precision - scale} digits before the decimal point`
  }
  if (last + 1 - point > scale) {
    if (scale > 0) return `must have at most ${scale} digits after the decimal point`
    return scale === 0 ? 'must be a whole number' : `must be a multiple of ${10n ** BigInt(-scale)}`
  }
  return undefined
}
