/**
 * Where the caller declared a schema object (`/app/src/schema.ts:12`), read from a stack trace taken
 * at declaration time, so errors only the database can find (a function body that does not compile)
 * can point at the line. Frames inside this package are skipped; undefined when none is left. No
 * Node.js module is used: the schema DSL also loads in edge runtimes.
 */
export function definedAt(): string | undefined {
  const stack = new Error().stack
  if (stack === undefined) return undefined
  for (const line of stack.split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?[^\s()]+):(\d+):\d+\)?\s*$/.exec(line)
    if (match === null) continue
    const file = asPath(match[1]!)
    if (file.startsWith(OWN_DIR) || file.startsWith('node:')) continue
    return `${file}:${match[2]}`
  }
  return undefined
}

function asPath(location: string): string {
  if (!location.startsWith('file://')) return location
  try {
    return decodeURIComponent(new URL(location).pathname)
  } catch {
    return location
  }
}

/** The package's own source (or build) folder: two levels above this file's folder. */
const OWN_DIR = asPath(new URL('../../../', import.meta.url).href)
