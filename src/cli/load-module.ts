import { createRequire } from 'node:module'
import { sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Jiti } from 'jiti'
import { loadTool } from '../tools/load-tool.js'

/**
 * A loader for the project's TypeScript files (config and schema modules). Modules are cached, so
 * schema modules that import each other, and the `tidemark/pg` they import, are one instance each;
 * the project's own files are evicted first, so a long-lived process sees their latest version.
 *
 * When Tidemark itself runs from its TypeScript sources (its own tests), `tidemark` imports resolve
 * to those sources rather than to a built package. `purpose` says what needs the loader, for the
 * error when jiti (a tool from `@tidemark/cli`) is not installed.
 */
export async function createModuleLoader(baseDir: string, purpose: string): Promise<Jiti> {
  const { createJiti } = await loadTool('jiti', purpose)
  evictProjectModules(baseDir)
  const alias: Record<string, string> = {}
  if (import.meta.url.endsWith('.ts')) {
    const src = fileURLToPath(new URL('../', import.meta.url))
    for (const entry of ['config', 'pg', 'pglite', 'node-postgres', 'postgres-js'])
      alias[`tidemark/${entry}`] = `${src}${entry}.ts`
    alias.tidemark = `${src}index.ts`
  }
  return createJiti(`${baseDir}/`, { alias, interopDefault: true, moduleCache: true })
}

function evictProjectModules(baseDir: string): void {
  const cache = createRequire(import.meta.url).cache
  const prefix = baseDir.endsWith(sep) ? baseDir : `${baseDir}${sep}`
  for (const key of Object.keys(cache)) {
    if (key.startsWith(prefix) && !key.includes(`${sep}node_modules${sep}`)) delete cache[key]
  }
}
