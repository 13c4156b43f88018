/**
 * A migration folder's name: a 14-digit UTC timestamp `YYYYMMDDHHMMSS`, `_`, and a slug of
 * lowercase letters, digits and underscores. Names sort in the order migrations apply.
 */
const MIGRATION_NAME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_[a-z0-9_]+$/

/** Why `name` is not a valid migration name, or undefined when it is. */
export function migrationNameProblem(name: string): string | undefined {
  const match = MIGRATION_NAME.exec(name)
  if (!match) return 'a migration folder is named YYYYMMDDHHMMSS_slug (UTC timestamp, slug of a-z, 0-9 and _)'
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[]
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!))
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  return valid ? undefined : `the timestamp ${name.slice(0, 14)} is not a real UTC date and time`
}

/** The timestamp part of a migration name for a date, e.g. `20261125101500`. */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14)
}
