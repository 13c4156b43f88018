import type { Extensions } from '@electric-sql/pglite'

/**
 * The contrib extensions PGlite ships (citext, pgcrypto, uuid-ossp, hstore, pg_trgm, ...), ready to
 * pass as PGlite's `extensions` option. Every embedded database Tidemark opens (the shadow, the CLI's
 * local database) registers all of them, so a schema or migration that creates one just works.
 * Registering is not free: PGlite unpacks each bundle into its file system while it starts (about
 * 0.5 s of CPU for all of them, measured, on top of about 1.6 s to open a data directory).
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

let loading: Promise<Extensions> | undefined

/** The bundled extensions this PGlite version has, by module name; a missing one is left out. */
export function pgliteContribExtensions(): Promise<Extensions> {
  loading ??= Promise.all(CONTRIB.map(contribExtension)).then((entries) => {
    const extensions: Extensions = {}
    for (const [name, extension] of entries) if (extension !== undefined) extensions[name] = extension
    return extensions
  })
  return loading
}

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
