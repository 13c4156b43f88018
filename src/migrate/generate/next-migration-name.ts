import { migrationTimestamp } from '../folder/migration-name-format.js'

/** `Add users!` → `add_users`; at most 60 characters; `migration` when nothing is left. */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '')
  return slug === '' ? 'migration' : slug
}

/**
 * The next migration's folder name: the current UTC time, or one second after the latest existing
 * migration when the clock is behind it, so the new one always applies last.
 */
export function nextMigrationName(existing: readonly string[], slug: string, now: Date): string {
  let stamp = migrationTimestamp(now)
  const latest = existing.at(-1)?.slice(0, 14)
  if (latest !== undefined && stamp <= latest) {
    const y = Number(latest.slice(0, 4))
    const next = new Date(
      Date.UTC(
        y,
        Number(latest.slice(4, 6)) - 1,
        Number(latest.slice(6, 8)),
        Number(latest.slice(8, 10)),
        Number(latest.slice(10, 12)),
        Number(latest.slice(12, 14)) + 1,
      ),
    )
    stamp = migrationTimestamp(next)
  }
  return `${stamp}_${slug}`
}
