/**
 * The studio is a CLI feature: no entry point an application imports may reach it (or the CLI it
 * hangs from), statically or through a dynamic import.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { default: string }>
}
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g

/** Every source file an entry point reaches through relative imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'))
      // Import lines inside doc comments name example files that do not exist.
      if (existsSync(target)) visit(target)
    }
  }
  visit(entry)
  return seen
}

describe('runtime entry points', () => {
  const entries = Object.values(manifest.exports)
    .map((target) => (typeof target === 'string' ? target : target.default))
    .filter((target) => target.startsWith('./dist/'))
    .map((target) => resolve(root, target.replace('./dist/', 'src/').replace(/\.js$/, '.ts')))

  it.each(entries.map((e) => [e.slice(root.length)]))('%s does not reach the studio or the CLI', (entry) => {
    const files = [...reachable(resolve(root, entry))].map((f) => f.slice(root.length))
    expect(files.length).toBeGreaterThan(1)
    expect(files.filter((f) => f.startsWith('src/studio/') || f.startsWith('src/cli/'))).toEqual([])
  })

  it('the studio is reached from its command', () => {
    const files = [...reachable(resolve(root, 'src/cli/run.ts'))].map((f) => f.slice(root.length))
    expect(files).toContain('src/studio/studio-server.ts')
    expect(files).toContain('src/studio/page-script.ts')
  })
})
