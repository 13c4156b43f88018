import type { Extensions } from '@electric-sql/pglite'

/**
 * The contrib extensions PGlite ships (citext, pgcrypto, uuid-ossp, hstore, pg_trgm, ...), ready to
 * pass as PGlite's `extensions` option. An embedded database Tidemark opens (the shadow, the CLI's
 * local database) registers the ones its SQL creates, so a schema or migration that creates one just
 * works. Registering is not free: PGlite unpacks each bundle into its file system while it starts
 * (about 0.4 s for all of them, measured, on top of about 1 s to open a data directory).
 */
const CONTRIB = [
  'amcheck',
  'bloom',
  'btree_gin',
  'btree_gist',
  'citext',
  'cube',
  'dict_int',
  'dict_xsyn',
  'earthdistance',
  'fuzzystrmatch',
  'hstore',
  'intarray',
  'isn',
  'lo',
  'ltree',
  'moddatetime',
  'pg_trgm',
  'pgcrypto',
  'seg',
  'tablefunc',
  'tcn',
  'tsm_system_rows',
  'tsm_system_time',
  'unaccent',
  'uuid_ossp',
]

/** Which contrib extensions to register: all of them, or these module names (and what they need). */
export type ContribSelection = 'all' | readonly string[]

/** Extensions whose CREATE EXTENSION needs another one present (their control file's `requires`). */
const REQUIRES: Readonly<Record<string, readonly string[]>> = { earthdistance: ['cube'] }

const loaded = new Map<string, Promise<[string, Extensions[string] | undefined]>>()

/**
 * The bundled extensions this PGlite version has, by module name; a missing one is left out. Pass
 * the names a database needs to register only those: each one costs start-up time.
 */
export async function pgliteContribExtensions(selection: ContribSelection = 'all'): Promise<Extensions> {
  const names = selection === 'all' ? CONTRIB : withRequirements(selection).filter((n) => CONTRIB.includes(n))
  const entries = await Promise.all(
    names.map((name) => {
      let entry = loaded.get(name)
      if (entry === undefined) {
        entry = contribExtension(name)
        loaded.set(name, entry)
      }
      return entry
    }),
  )
  const extensions: Extensions = {}
  for (const [name, extension] of entries) if (extension !== undefined) extensions[name] = extension
  return extensions
}

function withRequirements(names: readonly string[]): string[] {
  const all = new Set<string>()
  const add = (name: string): void => {
    if (all.has(name)) return
    all.add(name)
    for (const required of REQUIRES[name] ?? []) add(required)
  }
  for (const name of names) add(name)
  return [...all]
}

/**
 * The contrib extensions SQL text creates (`CREATE EXTENSION [IF NOT EXISTS] name`), as module
 * names (`uuid-ossp` is the module `uuid_ossp`). When some CREATE EXTENSION cannot be read (an odd
 * spelling, a name built at run time), every extension is needed: registering too many costs time,
 * too few fails the migration.
 */
export function contribExtensionsCreatedIn(texts: Iterable<string>): ContribSelection {
  const names = new Set<string>()
  for (const text of texts) {
    const mentions = text.match(/\bcreate\s+extension\b/gi)?.length ?? 0
    let read = 0
    for (const match of text.matchAll(CREATE_EXTENSION)) {
      read++
      const name = (match[1] ?? match[2] ?? '').replaceAll('""', '"').toLowerCase()
      names.add(name.replaceAll('-', '_'))
    }
    if (read < mentions) return 'all'
  }
  return [...names]
}

const CREATE_EXTENSION =
  /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"((?:[^"]|"")+)"|([a-z_][\w$-]*))/gi

async function contribExtension(name: string): Promise<[string, Extensions[string] | undefined]> {
  try {
    const module = (await import(/* @vite-ignore */ `@electric-sql/pglite/contrib/${name}`)) as Record<
      string,
      Extensions[string]
    >
    return [name, module[name]]
  } catch {
    return [name, undefined]
  }
}
