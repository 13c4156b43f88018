/** The earliest instant PostgreSQL's timestamps and dates hold: 4714-11-24 00:00 UTC, BC (Julian day 0). */
export const earliestTime: number = Date.UTC(-4713, 10, 24)

/** Why a Date is out of PostgreSQL's range, or undefined (JS dates end before PostgreSQL's do). */
export function dateProblem(date: Date): string | undefined {
  return date.getTime() < earliestTime ? 'Date must not be before 4714-11-24 BC' : undefined
}

/**
 * Why a number does not fit `real` (float4), or undefined: PostgreSQL refuses a value that rounds to
 * infinity or, not being 0, to 0.
 */
export function realProblem(value: number): string | undefined {
  const single = Math.fround(value)
  return Number.isFinite(single) && (single !== 0 || value === 0)
    ? undefined
    : 'Number is out of range for real'
}
