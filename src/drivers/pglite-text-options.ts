import type { PGliteInterface, QueryOptions } from '@electric-sql/pglite'

type Identity = (value: string) => string
const identity: Identity = (value) => value

/**
 * The fallback for PGlite instances without the protocol entry point (see pglite-wire.ts), such
 * as PGliteWorker: query() with options that keep text untouched.
 *
 * PGlite re-serializes each parameter by the type the server describes for it and parses each
 * result by OID. Both are turned into identity functions, so text goes in and comes out untouched.
 * Serializers are looked up per OID, so a Proxy answers every lookup. Parsers are spread into a
 * new object, which loses a Proxy, so every OID the instance knows gets an explicit entry; OIDs it
 * does not know already come back as text.
 *
 * The instance learns array types while it starts and again when refreshArrayTypes() is called,
 * adding entries to its table in place, so the table is read only once the instance is ready and
 * rebuilt whenever its size changes.
 *
 * Cost, measured: PGlite merges its own ~320-entry table with the caller's on every query that
 * passes parsers (about 130 µs per query on a 2-core machine), which is most of the gap between
 * this adapter and PGlite called directly. No option skips that merge.
 */
export function textQueryOptions(client: PGliteInterface): () => Promise<QueryOptions> {
  const serializers = new Proxy({}, { get: () => identity })
  let parsers: Record<number, Identity> = {}
  let knownCount = -1
  const current = (): QueryOptions => {
    const known = (client as { parsers?: Record<string, unknown> }).parsers ?? {}
    const keys = Object.keys(known)
    if (keys.length !== knownCount) {
      parsers = Object.fromEntries(keys.map((oid) => [oid, identity]))
      knownCount = keys.length
    }
    return { rowMode: 'array', parsers, serializers }
  }
  let ready = false
  return async () => {
    if (!ready) {
      await client.waitReady
      ready = true
    }
    return current()
  }
}
