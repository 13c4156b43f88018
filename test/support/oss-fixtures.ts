/**
 * The open-source schemas kept in test/fixtures/oss. A fixture file is a list of steps, each
 * starting at a `-- step: <what>` line: the unit its application sends at once (a migration file,
 * a deploy script, one statement).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export const OSS_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'oss')

export interface Step {
  /** What the `-- step:` line says. */
  readonly label: string
  readonly sql: string
}

/** The steps of a fixture file, a path under test/fixtures/oss. */
export async function readSteps(path: string): Promise<Step[]> {
  const text = await readFile(join(OSS_FIXTURES, path), 'utf8')
  const labels = [...text.matchAll(/^-- step: (.*)$/gm)].map((m) => m[1]!)
  const bodies = text.split(/^-- step: .*$/m).slice(1)
  return bodies.map((sql, i) => ({ label: labels[i]!, sql }))
}

/**
 * Runs each step as one simple query, which PostgreSQL runs as one transaction, so a CONCURRENTLY
 * index behaves as it does in the application. A step's own BEGIN and COMMIT lines add nothing to
 * that and are left out, as postgres.js refuses them outside its own transactions.
 */
export async function loadSteps(exec: (sql: string) => Promise<void>, steps: readonly Step[]): Promise<void> {
  for (const step of steps) await exec(step.sql.replace(/^\s*(BEGIN|COMMIT);\s*$/gim, ''))
}
