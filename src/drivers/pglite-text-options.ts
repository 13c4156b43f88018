import type { PGliteInterface, QueryOptions } from '@electric-sql/pglite'

type Identity = (value: string) => string
const identity: Identity = (value) => value

/**
 * PGlite re-serializes each parameter by the type the server describes for it and parses each
 * result by OID. Both are turned into identity functions, so text goes in and comes out untouched.
 * Serializers are looked up per OID, so a Proxy answers every lookup. Parsers are spread into a
 * new object, which loses a Proxy, so every OID the instance knows gets an explicit entry; OIDs it
 * does not know already come back as text. The table is rebuilt only when the instance learns new
 * types (it adds array types of enums and extensions as it discovers them).
 */
export function textQueryOptions(client: PGliteInterface): () => QueryOptions {
  const serializers = new Proxy({}, { get: () => identity })
  let parsers: Record<number, Identity> = {}
  let knownCount = -1
  return () => {
    const known = (client as { parsers?: Record<string, unknown> }).parsers ?? {}
    const keys = Object.keys(known)
    if (keys.length !== knownCount) {
      parsers = Object.fromEntries(keys.map((oid) => [oid, identity]))
      knownCount = keys.length
    }
    return { rowMode: 'array', parsers, serializers }
  }
}
