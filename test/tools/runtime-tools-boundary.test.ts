/**
 * The command's tools are not installed with an app that only queries: no entry point an app
 * imports may import one, statically or dynamically. The only way to them is src/tools/load-tool.ts,
 * which loads them on demand by name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { TOOL_EXPORTS } from '../../src/tools/load-tool.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { default: string }>
}
const RELATIVE = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g
const TOOLS = [...Object.keys(TOOL_EXPORTS), '@tidemark/cli']

/** Every source file an entry point reaches through relative imports, static or dynamic. */
function reachable(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE)) {
      const target = resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'))
      if (existsSync(target)) visit(target)
    }
  }
  visit(entry)
  return [...seen]
}

/** The tools a file imports as values: `import ... from 'x'`, `import 'x'`, `import('x')`. */
function toolImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found: string[] = []
  for (const match of text.matchAll(
    /(?<!typeof )\bimport\s*\(\s*'([^']+)'|\bimport\s+(?!type\b)[^'()]*?'([^']+)'/g,
  )) {
    const specifier = match[1] ?? match[2]!
    if (TOOLS.some((tool) => specifier === tool || specifier.startsWith(`${tool}/`))) found.push(specifier)
  }
  return found
}

describe('runtime entry points and the CLI tools', () => {
  const entries = Object.values(manifest.exports)
    .map((target) => (typeof target === 'string' ? target : target.default))
    .filter((target) => target.startsWith('./dist/'))
    .map((target) => target.replace('./dist/', 'src/').replace(/\.js$/, '.ts'))

  it.each(entries)('%s imports no tool', (entry) => {
    const files = reachable(resolve(root, entry))
    expect(files.length).toBeGreaterThan(1)
    expect(
      files.flatMap((file) => toolImports(file).map((tool) => `${file.slice(root.length)}: ${tool}`)),
    ).toEqual([])
  })

  it('no file in src imports one: commands load them through the loader', () => {
    const files = readdirSync(resolve(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => resolve(root, 'src', file))
    expect(files.length).toBeGreaterThan(100)
    expect(
      files.flatMap((file) => toolImports(file).map((tool) => `${file.slice(root.length)}: ${tool}`)),
    ).toEqual([])
  })

  it('the check finds the imports @tidemark/cli makes', () => {
    expect(toolImports(resolve(root, 'packages/cli/index.js')).sort()).toEqual(
      Object.keys(TOOL_EXPORTS).sort(),
    )
  })
})
