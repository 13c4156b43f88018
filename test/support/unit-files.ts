import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * The test files that need no database, for `npm run test:unit`: those that import neither a
 * driver, PGlite, the database harness nor a helper that starts a process, directly or through the
 * test helpers they import, and do not say `@needs-database` (a file that reaches one through the
 * library, as `generate` does with its embedded shadow). The unit config swaps the drivers for a
 * module that throws, so a file that should carry the comment fails instead of passing slowly.
 */
const NEEDS_DATABASE = [
  /@needs-database/,
  /from '(@electric-sql\/pglite|pg|postgres|@neondatabase\/serverless|node:child_process)'/,
  /from 'tidemark\/(pglite|node-postgres|postgres-js|neon)'/,
  /support\/(databases|pglite|catalog|run-node|pull-round-trip|neon-proxy|oss-fixtures)\.js'/,
]

const RELATIVE_IMPORT = /from '(\.{1,2}\/[^']+)\.js'/g

export function unitTestFiles(root: string): string[] {
  const testDir = join(root, 'test')
  const verdicts = new Map<string, boolean>()
  const needsDatabase = (file: string): boolean => {
    const known = verdicts.get(file)
    if (known !== undefined) return known
    verdicts.set(file, false) // a cycle among helpers adds nothing
    const text = readFileSync(file, 'utf8')
    const helpers = [...text.matchAll(RELATIVE_IMPORT)]
      .map((m) => resolve(dirname(file), `${m[1]}.ts`))
      // Imports inside code a test writes out name files that are not there.
      .filter((path) => path.startsWith(testDir) && existsSync(path))
    const verdict = NEEDS_DATABASE.some((pattern) => pattern.test(text)) || helpers.some(needsDatabase)
    verdicts.set(file, verdict)
    return verdict
  }
  return testFiles(testDir)
    .filter((file) => !needsDatabase(file))
    .map((file) => relative(root, file))
    .sort()
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return testFiles(path)
    return entry.name.endsWith('.test.ts') ? [path] : []
  })
}
