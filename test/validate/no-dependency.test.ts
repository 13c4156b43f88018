import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

/** Every module `start` loads at run time (type-only imports aside), by following relative imports. */
function runtimeImports(start: URL): { files: string[]; packages: string[] } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (url: URL): void => {
    if (files.has(url.href)) return
    files.add(url.href)
    const source = readFileSync(url, 'utf8')
    for (const match of source.matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?from\s+'([^']+)'/gm)) {
      const specifier = match[1]!
      if (specifier.startsWith('.')) visit(new URL(specifier.replace(/\.js$/, '.ts'), url))
      else packages.add(specifier)
    }
  }
  visit(start)
  return { files: [...files], packages: [...packages] }
}

it('tidemark/validate loads no package, zod included', () => {
  const { files, packages } = runtimeImports(new URL('../../src/validate.ts', import.meta.url))
  expect(files.length).toBeGreaterThan(3)
  expect(packages).toEqual([])
})

it('tidemark/zod loads zod and nothing else', () => {
  expect(runtimeImports(new URL('../../src/zod.ts', import.meta.url)).packages).toEqual(['zod'])
})
